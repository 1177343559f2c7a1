package vn.binhdan.campaign;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * One condition of a compliance indicator: the unit's count of {@code metric} (only the records
 * of {@code kinds}, when given: the outreach channels that are "news items or videos") within the
 * window of each year compared with {@code threshold}. With {@code eachMonth} it must hold in
 * every month of the window so far ("more than 10 a month"), not over the window as a whole.
 * Windows are whole months, as the live values are kept by month.
 */
public record ComplianceRule(String metric, List<String> kinds, Comparison comparison, long threshold, MonthDay from,
                             MonthDay to, boolean eachMonth) {

    public enum Comparison {
        /** at least: ≥ */
        GE("≥"),
        /** strictly more than: > (the plans' "trên 10 tin, bài") */
        GT(">");

        private final String sign;

        Comparison(String sign) {
            this.sign = sign;
        }

        public String sign() {
            return sign;
        }

        public boolean holds(long value, long threshold) {
            return this == GE ? value >= threshold : value > threshold;
        }
    }

    public LocalDate start(int year) {
        return from.atYear(year);
    }

    public LocalDate end(int year) {
        return to.atYear(year);
    }
}

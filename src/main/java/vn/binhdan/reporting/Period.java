package vn.binhdan.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.binhdan.shared.BusinessException;

/**
 * A reporting period: a month ({@code 2026M09}), a quarter ({@code 2026Q3}), a half-year
 * ({@code 2026H1}, January to June) or a year ({@code 2026}). The id is the only spelling accepted, so a link or an API call names a period
 * one way; anything else (2026Q5, 2026M13, words) is refused with a message saying how to write it.
 */
public record Period(String id, Type type, int year, int number, LocalDate start, LocalDate end) {

    public enum Type { MONTH, QUARTER, HALF_YEAR, YEAR }

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})H([12])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})M(0[1-9]|1[0-2])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    public static Period parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        Matcher m;
        Period p = null;
        if ((m = QUARTER.matcher(t)).matches()) {
            p = quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } else if ((m = HALF.matcher(t)).matches()) {
            p = half(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } else if ((m = MONTH.matcher(t)).matches()) {
            p = month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } else if (YEAR.matcher(t).matches()) {
            p = year(Integer.parseInt(t));
        }
        if (p == null || p.year < FIRST_YEAR || p.year > LAST_YEAR) {
            String shown = text == null ? "" : text.strip();
            // echoed back to the user: a long string in the address is not worth repeating whole
            throw new BusinessException("report.period.invalid", shown.length() > 20 ? shown.substring(0, 20) + "…" : shown);
        }
        return p;
    }

    public static Period quarter(int year, int quarter) {
        LocalDate start = LocalDate.of(year, quarter * 3 - 2, 1);
        return new Period(year + "Q" + quarter, Type.QUARTER, year, quarter, start,
                YearMonth.of(year, quarter * 3).atEndOfMonth());
    }

    public static Period half(int year, int half) {
        LocalDate start = LocalDate.of(year, half * 6 - 5, 1);
        return new Period(year + "H" + half, Type.HALF_YEAR, year, half, start,
                YearMonth.of(year, half * 6).atEndOfMonth());
    }

    public static Period month(int year, int month) {
        YearMonth ym = YearMonth.of(year, month);
        return new Period(String.format(Locale.ROOT, "%dM%02d", year, month), Type.MONTH, year, month, ym.atDay(1),
                ym.atEndOfMonth());
    }

    public static Period year(int year) {
        return new Period(Integer.toString(year), Type.YEAR, year, 0, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The period of this type that contains the day. */
    public static Period containing(Type type, LocalDate day) {
        return switch (type) {
            case MONTH -> month(day.getYear(), day.getMonthValue());
            case QUARTER -> quarter(day.getYear(), (day.getMonthValue() + 2) / 3);
            case HALF_YEAR -> half(day.getYear(), day.getMonthValue() <= 6 ? 1 : 2);
            case YEAR -> year(day.getYear());
        };
    }

    public Period previous() {
        return containing(type, start.minusDays(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}

package vn.binhdan.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.binhdan.shared.BusinessException;

/**
 * When a period's report is due, as the plans word it, kept as data on the form:
 * {@code QUARTER_LAST_MONTH_DAY 15} (before the 15th of the quarter's last month — Khánh Hòa,
 * Quỳnh Sơn), {@code QUARTER_MIDDLE_MONTH_DAY 20} (Thái Nguyên), {@code FIXED_DATE 12-10}
 * (before 10 December of the period's year — Đắk Lắk), {@code NEXT_MONTH_DAY 5} (day 5 of the
 * month after the period), {@code LAST_MONTH_DAY 15} (day 15 of the period's last month, for any
 * kind of period: June and December for half-years). A report is on time when submitted on or
 * before the due day.
 *
 * <p>A day past a month's end is read two ways. "Day 31 of each month" is how a plan says "the
 * month's last day", so a rule naming a month only by its place in the period is clamped. A fixed
 * date names one calendar day, so 31/02 or 31/04 is a mistake in the rule, refused with a message
 * rather than quietly moved (and 29/02, which most years lack, likewise).
 */
public record DueRule(Kind kind, int month, int day) {

    public enum Kind { QUARTER_LAST_MONTH_DAY, QUARTER_MIDDLE_MONTH_DAY, FIXED_DATE, NEXT_MONTH_DAY, LAST_MONTH_DAY }

    private static final Pattern TEXT = Pattern.compile("([A-Z_]+) (\\d{1,2})(?:-(\\d{1,2}))?");

    public DueRule {
        if (day < 1 || day > 31 || (kind == Kind.FIXED_DATE && (month < 1 || month > 12))) {
            throw new IllegalArgumentException("due rule day or month out of range: " + kind + " " + month + "-" + day);
        }
        if (kind == Kind.FIXED_DATE && day > java.time.Month.of(month).minLength()) {
            throw new BusinessException(day > java.time.Month.of(month).maxLength() ? "form.due.noSuchDay"
                    : "form.due.notEveryYear", day, month);
        }
    }

    /** Reads the stored spelling; a form shipped with a wrong rule must fail on start, not on the due day. */
    public static DueRule parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("due rule not understood: " + text);
        }
        Kind kind = Kind.valueOf(m.group(1));
        int first = Integer.parseInt(m.group(2));
        if (kind == Kind.FIXED_DATE) {
            if (m.group(3) == null) {
                throw new IllegalArgumentException("FIXED_DATE needs month-day, e.g. FIXED_DATE 12-10: " + text);
            }
            return new DueRule(kind, first, Integer.parseInt(m.group(3)));
        }
        if (m.group(3) != null) {
            throw new IllegalArgumentException(kind + " takes a day only: " + text);
        }
        return new DueRule(kind, 0, first);
    }

    /** Whether the rule makes sense for periods of the type (the middle month of a year does not). */
    public boolean fits(Period.Type type) {
        return switch (kind) {
            case QUARTER_LAST_MONTH_DAY, QUARTER_MIDDLE_MONTH_DAY -> type == Period.Type.QUARTER;
            case FIXED_DATE, NEXT_MONTH_DAY, LAST_MONTH_DAY -> true;
        };
    }

    public LocalDate dueOn(Period period) {
        if (!fits(period.type())) {
            throw new IllegalArgumentException(this + " does not apply to " + period.type());
        }
        YearMonth month = switch (kind) {
            case QUARTER_LAST_MONTH_DAY, LAST_MONTH_DAY -> YearMonth.from(period.end());
            case QUARTER_MIDDLE_MONTH_DAY -> YearMonth.from(period.end()).minusMonths(1);
            case FIXED_DATE -> YearMonth.of(period.end().getYear(), this.month);
            case NEXT_MONTH_DAY -> YearMonth.from(period.end()).plusMonths(1);
        };
        // "day 31" in a 30-day month is its last day
        return month.atDay(Math.min(day, month.lengthOfMonth()));
    }

    @Override
    public String toString() {
        return kind == Kind.FIXED_DATE ? kind + " " + month + "-" + day : kind + " " + day;
    }
}

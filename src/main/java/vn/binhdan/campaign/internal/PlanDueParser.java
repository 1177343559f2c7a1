package vn.binhdan.campaign.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.binhdan.campaign.PlanDueKind;
import vn.binhdan.campaign.PlanTaskDue;
import vn.binhdan.shared.VietnameseText;

/**
 * Reads the "time" column of a task table as the plans write it. The most precise form wins:
 * "Hoàn thành trước ngày 30/4/2026 và thường xuyên cập nhật" is due on 30/4/2026, and of
 * several dates ("Từ ngày 05/10/2026 đến ngày 10/10/2026") the last one counts.
 */
public final class PlanDueParser {

    private static final Pattern DMY = Pattern.compile("(?<![\\d/])(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})(?!\\d)");
    private static final Pattern WORDS_DATE = Pattern.compile("ngay\\s*(\\d{1,2})\\s*thang\\s*(\\d{1,2})\\s*(?:nam|/)\\s*(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("thang\\s*(\\d{1,2})\\s*(?:/|-|nam)\\s*(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(?:quy|(?<![a-z])q)\\s*(iv|iii|ii|i|[1-4])\\s*(?:/|-|nam|\\s)\\s*(?:nam\\s*)?(\\d{4})");
    // "6 tháng đầu năm 2027" ends on 30/6: read as a bare year it would be six months late
    private static final Pattern HALF = Pattern.compile("(?:6\\s*thang|sau\\s*thang|nua)\\s*(dau|cuoi)\\s*(?:nam\\s*)?(\\d{4})");
    private static final Pattern RANGE = Pattern.compile("(?<!\\d)(\\d{4})\\s*(?:-|–|—|den|toi)\\s*(?:nam\\s*)?(\\d{4})(?!\\d)");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d/])(\\d{4})(?![\\d/])");
    private static final Pattern ONGOING = Pattern.compile("thuong xuyen|hang nam|hang thang|hang quy|hang tuan|lien tuc|dinh ky");

    private PlanDueParser() {
    }

    /** The due, or empty when the text is in no form we know (the import then refuses the row). */
    public static Optional<PlanTaskDue> parse(String raw) {
        String text = VietnameseText.clean(raw);
        if (text == null) {
            return Optional.of(PlanTaskDue.NONE);
        }
        String f = VietnameseText.fold(text);
        try {
            LocalDate last = null;
            Matcher m = DMY.matcher(f);
            while (m.find()) {
                last = later(last, LocalDate.of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
            }
            m = WORDS_DATE.matcher(f);
            while (m.find()) {
                last = later(last, LocalDate.of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
            }
            if (last != null) {
                return Optional.of(new PlanTaskDue(PlanDueKind.DATE, text, last));
            }
            m = MONTH.matcher(f);
            while (m.find()) {
                last = later(last, YearMonth.of(year(m.group(2)), Integer.parseInt(m.group(1))).atEndOfMonth());
            }
            if (last != null) {
                return Optional.of(new PlanTaskDue(PlanDueKind.MONTH, text, last));
            }
            m = QUARTER.matcher(f);
            while (m.find()) {
                int q = quarter(m.group(1));
                last = later(last, YearMonth.of(year(m.group(2)), q * 3).atEndOfMonth());
            }
            if (last != null) {
                return Optional.of(new PlanTaskDue(PlanDueKind.QUARTER, text, last));
            }
            m = HALF.matcher(f);
            while (m.find()) {
                int y = year(m.group(2));
                last = later(last, m.group(1).equals("dau") ? LocalDate.of(y, 6, 30) : LocalDate.of(y, 12, 31));
            }
            if (last != null) {
                return Optional.of(new PlanTaskDue(PlanDueKind.HALF_YEAR, text, last));
            }
            m = RANGE.matcher(f);
            if (m.find()) {
                int from = year(m.group(1));
                int to = year(m.group(2));
                if (to < from) {
                    return Optional.empty();
                }
                return Optional.of(new PlanTaskDue(PlanDueKind.YEAR_RANGE, text, LocalDate.of(to, 12, 31)));
            }
            m = YEAR.matcher(f);
            while (m.find()) {
                last = later(last, LocalDate.of(year(m.group(1)), 12, 31));
            }
            if (last != null) {
                return Optional.of(new PlanTaskDue(PlanDueKind.YEAR, text, last));
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            // 31/02/2026, tháng 13, a year out of range: not a time anyone meant
            return Optional.empty();
        }
        if (ONGOING.matcher(f).find()) {
            return Optional.of(new PlanTaskDue(PlanDueKind.ONGOING, text, null));
        }
        return Optional.empty();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** Plans of this movement run from 2025; a year far from now is a typing error. */
    private static int year(String s) {
        int y = Integer.parseInt(s);
        if (y < 2000 || y > 2100) {
            throw new IllegalArgumentException("year " + y);
        }
        return y;
    }

    private static int quarter(String s) {
        return switch (s) {
            case "i", "1" -> 1;
            case "ii", "2" -> 2;
            case "iii", "3" -> 3;
            default -> 4;
        };
    }
}

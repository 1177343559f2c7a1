package vn.binhdan.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import vn.binhdan.reporting.internal.AdministrativeReport.Cell;
import vn.binhdan.reporting.internal.AdministrativeReport.Table;

/**
 * How a report's figures, dates and lists read in Vietnamese, shared by the DOCX and the PDF so
 * both print the same characters; and how wide each table column is, so both tables look alike.
 */
public final class ReportFormat {

    public static final String NO_DATA = "Không có số liệu";

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private ReportFormat() {
    }

    // ------------------------------------------------------------------------------------ text

    /** NFC, so a letter is one precomposed character in the file whatever the input was. */
    public static String nfc(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    /** Upper case by Vietnamese rules, still NFC. */
    public static String upper(String text) {
        return Normalizer.normalize(nfc(text).toUpperCase(VIETNAMESE), Normalizer.Form.NFC);
    }

    /** Section numbers: I, II, III, IV, ... */
    public static String roman(int n) {
        if (n < 1 || n > 3999) {
            return Integer.toString(n);
        }
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            for (; n >= values[i]; n -= values[i]) {
                out.append(symbols[i]);
            }
        }
        return out.toString();
    }

    // --------------------------------------------------------------------------------- numbers

    /** "1.234.567": the dot groups thousands in Vietnamese. */
    public static String integer(long value) {
        return decimal(BigDecimal.valueOf(value), 0);
    }

    /** "1.234,5": dot for thousands, comma before the fraction, rounded half up. */
    public static String decimal(BigDecimal value, int fractionDigits) {
        BigDecimal rounded = value.setScale(fractionDigits, RoundingMode.HALF_UP);
        String plain = rounded.abs().toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        StringBuilder out = new StringBuilder(plain.length() + whole.length() / 3 + 2);
        if (rounded.signum() < 0) {
            out.append('-');
        }
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append('.');
            }
            out.append(whole.charAt(i));
        }
        if (point >= 0) {
            out.append(',').append(plain, point + 1, plain.length());
        }
        return out.toString();
    }

    /** "87,5 %" for 87.5: the way the platform writes a share everywhere, on screen and on paper. */
    public static String percent(BigDecimal value, int fractionDigits) {
        return decimal(value, fractionDigits) + " %";
    }

    /** What a cell prints. */
    public static String cell(Cell cell) {
        return switch (cell) {
            case Cell.Text t -> nfc(t.value());
            case Cell.Whole w -> integer(w.value());
            case Cell.Decimal d -> d.percent() ? percent(d.value(), d.fractionDigits())
                    : decimal(d.value(), d.fractionDigits());
            case Cell.Missing m -> NO_DATA;
        };
    }

    /** Figures line up on their last digit; text reads from the left. */
    public static boolean alignsRight(Cell cell) {
        return cell instanceof Cell.Whole || cell instanceof Cell.Decimal;
    }

    // ----------------------------------------------------------------------------------- dates

    /**
     * "Đắk Lắk, ngày 05 tháng 02 năm 2026". Decree 30 wants a leading zero on days 1 to 9 and on
     * months 1 and 2 only (so "tháng 1" cannot be turned into "tháng 11" by hand); March to
     * September stay one digit: "ngày 15 tháng 3 năm 2026".
     */
    public static String placeAndDate(String place, LocalDate date) {
        int month = date.getMonthValue();
        String day = (date.getDayOfMonth() < 10 ? "0" : "") + date.getDayOfMonth();
        String monthText = (month <= 2 ? "0" : "") + month;
        String when = "ngày " + day + " tháng " + monthText + " năm " + date.getYear();
        String where = nfc(place);
        return where.isEmpty() ? when : where + ", " + when;
    }

    // ------------------------------------------------------------------------------ recipients

    /**
     * "- Bộ Khoa học và Công nghệ;" ... "- Lưu: VT, KGVX.": a dash before each, a semicolon after
     * all but the last, which ends the list with a full stop. Dashes and closing marks the caller
     * already wrote are not doubled.
     */
    public static List<String> recipientLines(List<String> recipients) {
        List<String> names = new ArrayList<>();
        for (String raw : recipients) {
            String name = nfc(raw).replaceFirst("^[-–—•+]\\s*", "").replaceFirst("[\\s;.,]+$", "");
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        List<String> lines = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            lines.add("- " + names.get(i) + (i == names.size() - 1 ? "." : ";"));
        }
        return lines;
    }

    // --------------------------------------------------------------------------- column widths

    /**
     * Column widths adding up to {@code total}, from how wide each column's content is when
     * measured with {@code width} ({@code padding} is a cell's left plus right inset). A column
     * gets at least its longest word, so commune names break between words; what is left goes to
     * the columns with the most text, so short figures do not get wide empty cells.
     */
    public static double[] columnWidths(Table table, double total, double padding, ToDoubleFunction<String> width) {
        int n = table.headers().size();
        double[] natural = new double[n];
        double[] minimum = new double[n];
        for (int c = 0; c < n; c++) {
            String header = nfc(table.headers().get(c));
            double longestHeaderWord = longestWord(header, width);
            // a header may take two lines, rarely more
            natural[c] = Math.max(longestHeaderWord, width.applyAsDouble(header) / 2);
            minimum[c] = longestHeaderWord;
            for (List<Cell> row : table.rows()) {
                String text = cell(row.get(c));
                natural[c] = Math.max(natural[c], width.applyAsDouble(text));
                minimum[c] = Math.max(minimum[c], longestWord(text, width));
            }
            natural[c] += padding;
            minimum[c] += padding;
        }
        double sumNatural = sum(natural);
        double sumMinimum = sum(minimum);
        double[] widths = new double[n];
        for (int c = 0; c < n; c++) {
            if (sumNatural <= total) {
                widths[c] = natural[c] * total / sumNatural;
            } else if (sumMinimum <= total) {
                double slack = sumNatural - sumMinimum;
                widths[c] = minimum[c] + (slack == 0 ? 0 : (natural[c] - minimum[c]) * (total - sumMinimum) / slack);
            } else {
                widths[c] = minimum[c] * total / sumMinimum;
            }
        }
        return widths;
    }

    private static double longestWord(String text, ToDoubleFunction<String> width) {
        double longest = 0;
        for (String word : text.split("\\s+")) {
            longest = Math.max(longest, width.applyAsDouble(word));
        }
        return longest;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}

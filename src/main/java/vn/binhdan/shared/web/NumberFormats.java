package vn.binhdan.shared.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers as the reader writes them, for pages ({@code ${@num.percent(v)}}) and files: in
 * Vietnamese "1.351", "24,6 %", "80 %"; in English "1,351", "24.6%". Never scientific notation,
 * never the float noise of a computed rate (0.24600000000000002).
 */
@Component("num")
public class NumberFormats {

    private static final Locale VI = Locale.forLanguageTag("vi");

    /** A whole count: 1.351. */
    public String count(Number n) {
        return n == null ? "" : format(n, 0, locale());
    }

    /** A measured percentage (0–100 scale), always to one decimal so a column lines up: "54,1 %", "40,0 %". */
    public String percent(Number n) {
        return percent(n, locale());
    }

    /** A percentage as someone set it (a target): "80 %", "72,5 %". */
    public String target(Number n) {
        return n == null ? "" : withSign(format(n, 2, locale()), locale());
    }

    /** A value to at most {@code decimals} places, trailing zeros dropped: 42,5; 80. */
    public String decimal(Number n, int decimals) {
        return n == null ? "" : format(n, decimals, locale());
    }

    public static String percent(Number n, Locale locale) {
        if (n == null) {
            return "";
        }
        return withSign(format(n, 1, 1, locale), locale);
    }

    private static String withSign(String number, Locale locale) {
        // as the province writes it: a space before the sign in Vietnamese, none in English
        return vietnamese(locale) ? number + " %" : number + "%";
    }

    public static String format(Number n, int maxDecimals, Locale locale) {
        return format(n, 0, maxDecimals, locale);
    }

    private static String format(Number n, int minDecimals, int maxDecimals, Locale locale) {
        BigDecimal value = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
        value = value.setScale(maxDecimals, RoundingMode.HALF_UP);
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(vietnamese(locale) ? VI : Locale.US);
        if (vietnamese(locale)) {
            symbols.setGroupingSeparator('.');
            symbols.setDecimalSeparator(',');
        }
        DecimalFormat f = new DecimalFormat("#,##0" + (maxDecimals > 0 ? "." + "0".repeat(minDecimals)
                + "#".repeat(maxDecimals - minDecimals) : ""), symbols);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }

    /** A rate rounded to the precision it is shown with, for a file's cell: 24,6 % is stored as 0.246. */
    public static double fraction(Number percent, int decimals) {
        return BigDecimal.valueOf(percent.doubleValue()).setScale(decimals, RoundingMode.HALF_UP)
                .movePointLeft(2).doubleValue();
    }

    private static boolean vietnamese(Locale locale) {
        return locale == null || !"en".equals(locale.getLanguage());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}

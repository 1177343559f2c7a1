package vn.binhdan.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One figure of a report for one indicator and target group ({@code ALL} without a breakdown):
 * the count (for a share, its numerator), the denominator of a share, and the share in percent
 * worked out from the two. A null figure is "no data"; so is a share over a denominator of zero,
 * never 0% or infinity. {@code enteredBy}/{@code enteredAt} say who typed a declared figure.
 */
public record Figure(String indicatorCode, String group, Long numerator, Source numeratorSource, Long denominator,
                     Source denominatorSource, BigDecimal share, String enteredBy, Instant enteredAt) {

    /** Where a figure comes from; the page marks each ("tự động", "khai báo", …). */
    public enum Source {
        /** from the platform's own data (monitoring), read-only */
        COMPUTED,
        /** typed by an officer of the unit */
        DECLARED,
        /** the unit's population from the registry, or its declared official figure */
        POPULATION,
        /** summed from the approved reports of the units below */
        CONSOLIDATED
    }

    /** A share in percent with one decimal, or null when it cannot be worked out. */
    public static BigDecimal share(Long numerator, Long denominator) {
        if (numerator == null || denominator == null || denominator <= 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }

    public static Figure of(String indicatorCode, String group, Long numerator, Source numeratorSource, Long denominator,
                            Source denominatorSource, String enteredBy, Instant enteredAt) {
        return new Figure(indicatorCode, group, numerator, numerator == null ? null : numeratorSource, denominator,
                denominator == null ? null : denominatorSource, share(numerator, denominator), enteredBy, enteredAt);
    }

    public String key() {
        return key(indicatorCode, group);
    }

    public static String key(String indicatorCode, String group) {
        return indicatorCode + "/" + group;
    }
}

package vn.binhdan.reporting;

import java.math.BigDecimal;

/**
 * A rule a figure of a report breaks. {@code key} ({@code RULE/INDICATOR/GROUP}) is what an
 * explanation is kept under; {@code field} is the report page's field id of the figure;
 * {@code explanation} is the unit's, for a warning, when it gave one.
 */
public record Violation(String key, String rule, ValidationRule.Importance importance, String indicatorCode,
                        String group, String field, String message, BigDecimal left, BigDecimal right,
                        String explanation) {

    public boolean error() {
        return importance == ValidationRule.Importance.ERROR;
    }

    /** A warning with no explanation yet: it holds the report back like an error until explained. */
    public boolean unexplained() {
        return !error() && (explanation == null || explanation.isBlank());
    }

    /** The page's field id of the explanation box for a warning. */
    public String explanationField() {
        return "x-" + key;
    }
}

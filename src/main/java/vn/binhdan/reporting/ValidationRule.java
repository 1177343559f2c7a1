package vn.binhdan.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import vn.binhdan.campaign.Indicator;

/**
 * A validation rule as DHIS2 has them: {@code leftSide operator rightSide} over a report's
 * figures (see {@code Expression} for what a side may read), checked for each figure of the
 * indicator it names ({@code *}: each indicator of the form, narrowed by {@code measure}) and of
 * {@code group} (null: each group). {@code unitId} null: shipped for every province; otherwise the
 * province whose reports it checks. The message may name {@code {indicator}}, {@code {group}},
 * {@code {left}}, {@code {right}} and any figure a side can read, e.g. {@code {registry}}.
 */
public record ValidationRule(String code, String indicatorCode, Indicator.Measure measure, String group,
                             String leftSide, Operator operator, String rightSide, Importance importance,
                             String messageVi, String messageEn, Long unitId, boolean active, int sortOrder,
                             String updatedBy, Instant updatedAt) {

    public static final String EVERY_INDICATOR = "*";

    /** ERROR blocks submission; WARNING asks the submitter to explain the figure. */
    public enum Importance { ERROR, WARNING }

    public enum Operator {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The symbol, its Unicode form (≤ ≥ ≠), or DHIS2's name (less_than_or_equal_to, …); null when none. */
        public static Operator parse(String text) {
            if (text == null) {
                return null;
            }
            String t = text.strip().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "==", "=", "equal_to" -> EQ;
                case "!=", "≠", "not_equal_to" -> NE;
                case "<", "less_than" -> LT;
                case "<=", "≤", "less_than_or_equal_to" -> LE;
                case ">", "greater_than" -> GT;
                case ">=", "≥", "greater_than_or_equal_to" -> GE;
                default -> null;
            };
        }

        public boolean holds(BigDecimal left, BigDecimal right) {
            int c = left.compareTo(right);
            return switch (this) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
            };
        }
    }

    public String message(Locale locale) {
        return "en".equals(locale.getLanguage()) ? messageEn : messageVi;
    }

    /** What a province posts to create or change a rule. */
    public record Draft(String code, String indicatorCode, String measure, String group, String leftSide,
                        String operator, String rightSide, String importance, String messageVi, String messageEn) {
    }
}

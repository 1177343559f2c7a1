package vn.binhdan.reporting.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.binhdan.reporting.ValidationRule.Operator;

class ExpressionTest {

    private static final Function<Expression.Ref, BigDecimal> FIGURES = r -> switch (r.field()) {
        case "typed.denominator" -> BigDecimal.valueOf(370);
        case "registry" -> BigDecimal.valueOf(300);
        case "numerator" -> r.indicator() == null ? BigDecimal.valueOf(5000) : BigDecimal.valueOf(7);
        default -> null;
    };

    @Test
    void sidesReadFiguresWithTheUsualPrecedence() {
        assertThat(Expression.parse("abs(typed.denominator - registry)").evaluate(FIGURES)).isEqualByComparingTo("70");
        assertThat(Expression.parse("registry * 0.2").evaluate(FIGURES)).isEqualByComparingTo("60");
        assertThat(Expression.parse("1 + 2 * 3 - (4 - 1)").evaluate(FIGURES)).isEqualByComparingTo("4");
        assertThat(Expression.parse("-numerator + VNEID_CONFIRMED_SHARE.ADULT.numerator").evaluate(FIGURES))
                .isEqualByComparingTo("-4993");
        assertThat(Expression.parse("VNEID_CONFIRMED_SHARE.ADULT.numerator").refs())
                .containsExactly(new Expression.Ref("VNEID_CONFIRMED_SHARE", "ADULT", "numerator"));
    }

    @Test
    void noDataOrADivisionByZeroSkipsTheRuleRatherThanBreakingIt() {
        assertThat(Expression.parse("previous.numerator").evaluate(FIGURES)).isNull();
        assertThat(Expression.parse("numerator - previous.numerator").evaluate(FIGURES)).isNull();
        assertThat(Expression.parse("numerator / (registry - 300)").evaluate(FIGURES)).isNull();
    }

    @Test
    void badSidesAndOperatorsSayWhatIsWrong() {
        assertThatThrownBy(() -> Expression.parse("numerator +")).hasMessageContaining("missing");
        assertThatThrownBy(() -> Expression.parse("numerater")).hasMessageContaining("unknown figure 'numerater'");
        assertThatThrownBy(() -> Expression.parse("(numerator")).hasMessageContaining("')' missing");
        assertThatThrownBy(() -> Expression.parse("numerator ; 1")).hasMessageContaining("unexpected ';'");
        assertThatThrownBy(() -> Expression.parse(" ")).hasMessageContaining("empty");
        assertThat(Operator.parse("≤")).isEqualTo(Operator.LE);
        assertThat(Operator.parse("less_than_or_equal_to")).isEqualTo(Operator.LE);
        assertThat(Operator.parse("=<>")).isNull();
        Map.of(Operator.LE, true, Operator.LT, false, Operator.GE, true, Operator.NE, false, Operator.EQ, true)
                .forEach((op, holds) -> assertThat(op.holds(BigDecimal.TEN, new BigDecimal("10.0"))).isEqualTo(holds));
    }
}

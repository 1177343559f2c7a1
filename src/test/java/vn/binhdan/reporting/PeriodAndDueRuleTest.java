package vn.binhdan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.binhdan.shared.BusinessException;

/** Period ids as units write them, and the plans' due rules read as data. */
class PeriodAndDueRuleTest {

    @Test
    void periodsAreSpelledOneWayEach() {
        Period q = Period.parse("2026q3");
        assertThat(q.id()).isEqualTo("2026Q3");
        assertThat(q.start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(q.end()).isEqualTo(LocalDate.of(2026, 9, 30));
        Period m = Period.parse("2026M02");
        assertThat(m.end()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Period.parse("2026").end()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(Period.containing(Period.Type.QUARTER, LocalDate.of(2026, 11, 22)).id()).isEqualTo("2026Q4");
        assertThat(Period.parse("2026Q1").previous().id()).isEqualTo("2025Q4");
        assertThat(Period.parse("2026M01").previous().id()).isEqualTo("2025M12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026Q5", "2026Q0", "2026M13", "2026M00", "2026M9", "Q3-2026", "quý 3", "", "1999", "2101Q1"})
    void aPeriodThatDoesNotExistIsRefusedSayingHowToWriteOne(String text) {
        assertThatThrownBy(() -> Period.parse(text)).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("report.period.invalid");
    }

    @Test
    void dueRulesOfTheProvincialPlans() {
        // Khánh Hòa, Quỳnh Sơn: before the 15th of the quarter's last month
        assertThat(DueRule.parse("QUARTER_LAST_MONTH_DAY 15").dueOn(Period.parse("2026Q3"))).isEqualTo(LocalDate.of(2026, 9, 15));
        // Thái Nguyên: before the 20th of the quarter's middle month
        assertThat(DueRule.parse("QUARTER_MIDDLE_MONTH_DAY 20").dueOn(Period.parse("2026Q3"))).isEqualTo(LocalDate.of(2026, 8, 20));
        // Đắk Lắk: results to the province by 10 December
        assertThat(DueRule.parse("FIXED_DATE 12-10").dueOn(Period.parse("2026"))).isEqualTo(LocalDate.of(2026, 12, 10));
        // a monthly report on day 5 of the next month, across the year's end
        assertThat(DueRule.parse("NEXT_MONTH_DAY 5").dueOn(Period.parse("2026M12"))).isEqualTo(LocalDate.of(2027, 1, 5));
        // day 31 in a 30-day month is its last day
        assertThat(DueRule.parse("QUARTER_LAST_MONTH_DAY 31").dueOn(Period.parse("2026Q2"))).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(DueRule.parse("FIXED_DATE 12-10").toString()).isEqualTo("FIXED_DATE 12-10");
        assertThat(DueRule.parse("QUARTER_MIDDLE_MONTH_DAY 20").fits(Period.Type.YEAR)).isFalse();
        assertThatThrownBy(() -> DueRule.parse("FIXED_DATE 10")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DueRule.parse("FIXED_DATE 13-10")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DueRule.parse("EVERY_FULL_MOON 1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void halfYearsAreH1AndH2() {
        Period h1 = Period.parse("2026h1");
        assertThat(h1.id()).isEqualTo("2026H1");
        assertThat(h1.type()).isEqualTo(Period.Type.HALF_YEAR);
        assertThat(h1.start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(h1.end()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(Period.containing(Period.Type.HALF_YEAR, LocalDate.of(2026, 7, 1)).id()).isEqualTo("2026H2");
        assertThat(h1.previous().id()).isEqualTo("2025H2");
        assertThat(Period.parse("2026H2").end()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> Period.parse("2026H3")).isInstanceOf(BusinessException.class);
        // the period's last month: June or December for half-years, the quarter's last for quarters
        assertThat(DueRule.parse("LAST_MONTH_DAY 20").dueOn(h1)).isEqualTo(LocalDate.of(2026, 6, 20));
        assertThat(DueRule.parse("LAST_MONTH_DAY 15").dueOn(Period.parse("2026Q1"))).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(DueRule.parse("LAST_MONTH_DAY 31").dueOn(Period.parse("2026M02"))).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(DueRule.parse("QUARTER_LAST_MONTH_DAY 15").fits(Period.Type.HALF_YEAR)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIXED_DATE 2-31", "FIXED_DATE 02-30", "FIXED_DATE 4-31", "FIXED_DATE 11-31"})
    void aFixedDateThatDoesNotExistIsRefusedNotMoved(String rule) {
        assertThatThrownBy(() -> DueRule.parse(rule)).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("form.due.noSuchDay");
    }

    @Test
    void the29thOfFebruaryIsRefusedAsMostYearsLackIt() {
        assertThatThrownBy(() -> DueRule.parse("FIXED_DATE 2-29")).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("form.due.notEveryYear");
        assertThat(DueRule.parse("FIXED_DATE 2-28").dueOn(Period.parse("2026"))).isEqualTo(LocalDate.of(2026, 2, 28));
    }
}

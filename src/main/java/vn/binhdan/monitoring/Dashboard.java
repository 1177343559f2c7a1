package vn.binhdan.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a steering committee sees for one unit and year: each indicator against its target,
 * the trend by month with a forecast, and its child units ranked by the emulation scoring.
 * A value is null when there is no data (a zero denominator, or nothing reported yet).
 */
public record Dashboard(UnitRef unit, List<UnitRef> trail, int year, Instant asOf, List<Kpi> kpis,
                        List<Ranked> ranking, List<String> criteria) {

    public record UnitRef(long id, String code, String name, String type) {
    }

    public enum Status { MET, ON_TRACK, BEHIND, NO_TARGET, NO_DATA }

    /**
     * One indicator for one group. {@code value} is a percentage for shares and a count for
     * counts; {@code numerator}/{@code denominator} are the people behind a share.
     */
    public record Kpi(String indicator, String name, String measure, String source, String group, Long numerator,
                      Long denominator, Double value, BigDecimal target, boolean targetInherited, LocalDate deadline,
                      Status status, LocalDate forecast, List<Point> trend) {
    }

    /** The cumulative value at the end of a month. */
    public record Point(LocalDate month, double value) {
    }

    /** A child unit in the emulation table: its score out of 100 and the shares it was scored on. */
    public record Ranked(int rank, UnitRef unit, Double score, List<Double> values) {
    }
}

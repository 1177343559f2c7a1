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
                        List<Ranked> ranking, List<Column> criteria, String missingData) {

    public record UnitRef(long id, String code, String name, String type) {
    }

    public enum Status { MET, ON_TRACK, BEHIND, NO_TARGET, NO_DATA }

    /**
     * One indicator for one group. {@code value} is a percentage for shares and a count for
     * counts; {@code numerator}/{@code denominator} are the people behind a share.
     */
    public record Kpi(String indicator, String name, String measure, String source, String group, Long numerator,
                      Long denominator, Double value, BigDecimal target, boolean targetInherited, LocalDate deadline,
                      Status status, LocalDate forecast, List<Point> trend, Reported reported,
                      Compliance compliance, Platform platform) {
    }

    /**
     * Beside a reported figure, what the platform itself knows (its VNeID confirmations the
     * national side acknowledged, and declared confirmations): a lower bound. {@code difference}
     * is reported minus known; {@code gap} flags a reported figure below what the platform alone
     * knows, or none reported while the platform knows some.
     */
    public record Platform(long known, Long difference, boolean gap) {
    }

    /** Where a reported value comes from: the unit's own approved report, or the sum of its communes'. */
    public enum Basis { OWN, UNITS_BELOW }

    /**
     * A value from approved reports ("báo cáo, đã duyệt"): the period it is of, who approved it
     * and when (the latest approval for a sum), the report behind it, and for a sum how many of
     * the unit's communes reported ({@code covered}) out of how many it has ({@code of}).
     */
    public record Reported(Basis basis, String periodId, String approvedBy, Instant approvedAt, String link,
                           Integer covered, Integer of) {
    }

    /**
     * A compliance indicator: how many units of its level beneath (or the unit itself, counted as
     * one) meet the per-unit rule, out of how many, and where to see those that do not.
     */
    public record Compliance(String level, int met, int of, String rule, String failingLink) {
    }

    /** A column of the emulation table: the criterion's name (group in words) and how its values read. */
    public record Column(String indicator, String group, String name, String measure, java.math.BigDecimal weight) {
    }

    /** The cumulative value at the end of a month. */
    public record Point(LocalDate month, double value) {
    }

    /** A child unit in the emulation table: its score out of 100 and the shares it was scored on. */
    public record Ranked(int rank, UnitRef unit, Double score, List<Double> values) {
    }
}

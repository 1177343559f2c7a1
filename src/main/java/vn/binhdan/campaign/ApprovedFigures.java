package vn.binhdan.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The typed figures of a unit's report, published by {@code reporting} when the level above
 * approves it, so that they become the unit's values of the indicators for the period.
 *
 * <p>It lives here rather than in {@code reporting} because {@code reporting} already reads the
 * live values of {@code monitoring}; a {@code monitoring} listener on a {@code reporting} type
 * would close a cycle between the two modules. Both already depend on the indicator catalogue.
 *
 * <p>{@code eventId} names one approval of one report: a redelivery is recognised, a later
 * approval of a corrected report is a new event and replaces the figures (the older ones stay
 * as history).
 */
public record ApprovedFigures(String eventId, long reportId, String formCode, long unitId, String unitPath,
                              String periodId, int periodYear, LocalDate periodEnd, String approvedBy,
                              Instant approvedAt, List<Value> values) {

    /** One reported indicator for one group ({@link Indicator#ALL} without a breakdown). */
    public record Value(String indicatorCode, String group, long numerator, Long denominator) {
    }
}

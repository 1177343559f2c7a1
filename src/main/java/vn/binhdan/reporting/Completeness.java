package vn.binhdan.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Who among a unit's reporting children has handed in a period's report, and when. A child has
 * reported once its report is submitted or approved; it is late when its first submission came
 * after the due day, and overdue when the due day has passed without one. Percentages are of
 * {@code expected} and null when there is nobody to expect.
 */
public record Completeness(String formCode, String formName, long unitId, String unitName, Period period, LocalDate dueOn,
                           boolean pastDue, int expected, int reported, int approved, int late, int notReported,
                           BigDecimal reportedPercent, BigDecimal onTimePercent, BigDecimal approvedPercent,
                           List<Child> children, boolean canRemind) {

    public record Child(long unitId, String unitCode, String unitName, ReportStatus status, String submittedBy,
                        Instant firstSubmittedAt, boolean late, boolean overdue, int reminders, Instant lastRemindedAt) {
    }

    public List<Child> behind() {
        return children.stream().filter(c -> !c.status().reported()).toList();
    }

    public List<Child> lateOnes() {
        return children.stream().filter(Child::late).toList();
    }
}

package vn.binhdan.campaign;

import java.time.LocalDate;

/**
 * A task's time as the plan wrote it, and what it was read as.
 *
 * @param text the original text, kept because it often says more ("… và thường xuyên cập nhật")
 * @param date the last day of the period; null for {@link PlanDueKind#ONGOING} and {@link PlanDueKind#NONE}
 */
public record PlanTaskDue(PlanDueKind kind, String text, LocalDate date) {

    public static final PlanTaskDue NONE = new PlanTaskDue(PlanDueKind.NONE, null, null);

    /** Not done after its last day. */
    public boolean overdueOn(LocalDate today, PlanTaskStatus status) {
        return date != null && status != PlanTaskStatus.DONE && today.isAfter(date);
    }
}

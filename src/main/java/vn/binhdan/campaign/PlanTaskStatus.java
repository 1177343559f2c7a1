package vn.binhdan.campaign;

/** What a unit reports about a task. "Overdue" is not a status anyone sets: it follows from the due date. */
public enum PlanTaskStatus {
    NOT_STARTED, IN_PROGRESS, DONE
}

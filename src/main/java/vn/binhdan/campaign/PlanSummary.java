package vn.binhdan.campaign;

/** A plan in a list, with counts over the tasks the user may see. */
public record PlanSummary(Plan plan, int tasks, int done, int overdue) {
}

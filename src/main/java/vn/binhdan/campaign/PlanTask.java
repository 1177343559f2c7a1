package vn.binhdan.campaign;

import java.util.List;

/**
 * A task of a plan, as the signed-in user sees it.
 *
 * @param number    the ordinal as written ("1", "1.2", "a", "-")
 * @param overdue   not done after its due date (computed from today's date, never stored)
 * @param canUpdate whether the user may set its status (the plan's editors, or the lead unit's
 *                  officers when the lead is one unit rather than "all communes")
 */
public record PlanTask(long id, long planId, Long sectionId, String number, String content, List<PlanTaskUnit> leads,
                       List<PlanTaskUnit> coordinating, PlanTaskDue due, PlanTaskStatus status, boolean overdue,
                       List<String> indicatorCodes, boolean canUpdate) {

    public PlanTask {
        leads = List.copyOf(leads);
        coordinating = List.copyOf(coordinating);
        indicatorCodes = List.copyOf(indicatorCodes);
    }
}

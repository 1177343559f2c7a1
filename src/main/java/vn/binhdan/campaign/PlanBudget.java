package vn.binhdan.campaign;

import java.util.List;

/** The lines of a plan's budget the reader may see, with their totals. */
public record PlanBudget(long planId, String planTitle, List<BudgetLine> lines, long estimate, long allocated, long spent) {
}

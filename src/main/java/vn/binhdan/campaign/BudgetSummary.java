package vn.binhdan.campaign;

import java.util.List;

/**
 * The budget of a unit's subtree as the consolidated report prints it: per source of funds and
 * per line, the estimate, the allocation and what was spent up to the end of the report's
 * quarter, in whole đồng.
 */
public record BudgetSummary(int year, int quarter, List<SourceRow> sources, List<LineRow> lines, long estimate,
                            long allocated, long spent) {

    public record SourceRow(BudgetSource source, int lineCount, long estimate, long allocated, long spent) {
    }

    public record LineRow(long lineId, String planTitle, String unitName, BudgetSource source, String title,
                          long estimate, long allocated, long spent) {

        public boolean over() {
            return spent > allocated;
        }
    }

    public boolean empty() {
        return lines.isEmpty();
    }
}

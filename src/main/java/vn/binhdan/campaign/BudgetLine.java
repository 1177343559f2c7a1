package vn.binhdan.campaign;

import java.util.List;

/**
 * A funding line with what has been spent against it per quarter; {@code warning} explains, when
 * set, that spending has gone past the allocation.
 */
public record BudgetLine(long id, long planId, Long taskId, long unitId, String unitName, BudgetSource source,
                         String title, long estimate, long allocated, long spent, String warning,
                         List<Spending> spending) {

    /**
     * One entry; {@code locked} when its quarter's report is approved (it is then corrected by a
     * new entry naming it in {@code correctsId}, never edited).
     */
    public record Spending(long id, int year, int quarter, long amount, String documentRef, Long correctsId,
                           boolean locked) {
    }

    public long remaining() {
        return allocated - spent;
    }
}

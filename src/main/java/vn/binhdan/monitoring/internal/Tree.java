package vn.binhdan.monitoring.internal;

import java.time.LocalDate;
import java.util.Map;
import vn.binhdan.monitoring.internal.RollupRepository.Cell;

/** Adding a change at a unit to the unit and every ancestor, read off its materialised path. */
final class Tree {

    private Tree() {
    }

    static void addUp(Map<Cell, Long> sums, String metric, String unitPath, String group, LocalDate day, long delta) {
        LocalDate month = day == null ? null : day.withDayOfMonth(1);
        int start = 1;
        for (int i = 1; i < unitPath.length(); i++) {
            if (unitPath.charAt(i) == '/') {
                long unitId = Long.parseLong(unitPath, start, i, 10);
                sums.merge(new Cell(metric, unitId, group, null), delta, Long::sum);
                if (month != null) {
                    sums.merge(new Cell(metric, unitId, group, month), delta, Long::sum);
                }
                start = i + 1;
            }
        }
    }
}

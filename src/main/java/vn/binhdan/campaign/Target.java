package vn.binhdan.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The target that holds for a unit: set at {@code setAtUnitId}, which is the unit itself or the
 * nearest ancestor that set one ({@code inherited} then).
 */
public record Target(String indicatorCode, String group, int year, BigDecimal value, LocalDate dueOn,
                     long setAtUnitId, boolean inherited) {

    /** The day the target must be met: its own due date or the year's end. */
    public LocalDate deadline() {
        return dueOn != null ? dueOn : LocalDate.of(year, 12, 31);
    }
}

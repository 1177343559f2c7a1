package vn.binhdan.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A target as set by an officer; a null value withdraws the unit's own target. */
public record TargetForm(long unitId, String group, int year, BigDecimal value, LocalDate dueOn) {
}

package vn.binhdan.unit;

import java.time.LocalDate;

/** One closed version of a unit: how it was named and placed between two dates, and why it changed. */
public record UnitHistoryEntry(String code, String name, UnitType type, Long parentId, LocalDate validFrom,
                               LocalDate validTo, String change, String note, String changedBy) {
}

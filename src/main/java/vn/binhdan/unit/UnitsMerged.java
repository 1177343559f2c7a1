package vn.binhdan.unit;

import java.time.LocalDate;
import java.util.List;

/**
 * Published inside the merge transaction, so that modules holding records by unit (residents,
 * households) move them to the successor atomically with the merge.
 */
public record UnitsMerged(List<Long> sourceIds, long targetId, LocalDate effective) {
}

package vn.binhdan.emulation;

import java.time.Instant;
import java.time.LocalDate;

/** A commune's recorded year-end review. */
public record YearEndReview(long id, long unitId, String unitName, int year, LocalDate heldOn, String chair,
                            int attendance, String minutesRef, String results, String proposals, String recordedBy,
                            Instant updatedAt) {
}

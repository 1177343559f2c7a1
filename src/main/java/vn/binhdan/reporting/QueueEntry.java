package vn.binhdan.reporting;

import java.time.Instant;
import java.time.LocalDate;

/** A submitted report waiting for the reader's decision as the level above. */
public record QueueEntry(String formCode, String formName, long unitId, String unitName, Period period, LocalDate dueOn,
                         String submittedBy, Instant submittedAt, boolean late, boolean ownSubmission) {
}

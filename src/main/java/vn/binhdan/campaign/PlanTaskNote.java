package vn.binhdan.campaign;

import java.time.Instant;

/** A progress note; {@code status} is the status set with it, if any. Notes are never edited. */
public record PlanTaskNote(long id, String body, PlanTaskStatus status, String author, String authorName, Instant createdAt) {
}

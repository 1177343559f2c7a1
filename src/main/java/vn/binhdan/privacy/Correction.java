package vn.binhdan.privacy;

import java.time.Instant;

/** A person's request to correct their record, and the commune's answer. */
public record Correction(long id, long personId, String personName, String field, String requestedValue, String reason,
                         CorrectionStatus status, String reply, Instant createdAt, Instant answeredAt) {
}

package vn.binhdan.campaign;

import java.time.Instant;

/** An evidence file's description; the content is downloaded separately. */
public record PlanTaskEvidence(long id, String fileName, String mediaType, long sizeBytes, String uploadedBy,
                           Instant uploadedAt) {
}

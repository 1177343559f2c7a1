package vn.binhdan.privacy;

import java.time.Instant;

/** How long one kind of record keeps personal data; {@code minimumDays} is the legal floor. */
public record RetentionRule(String kind, int days, int minimumDays, String action, String updatedBy, Instant updatedAt) {
}

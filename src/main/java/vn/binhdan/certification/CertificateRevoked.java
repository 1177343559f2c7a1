package vn.binhdan.certification;

import java.time.Instant;
import vn.binhdan.people.TargetGroup;

/** A certificate was revoked: the person no longer counts as certified for the group. */
public record CertificateRevoked(String eventId, String certificateId, long personId, TargetGroup targetGroup,
                                 String unitPath, String countedPath, String reason,
                                 Instant revokedAt) {
}

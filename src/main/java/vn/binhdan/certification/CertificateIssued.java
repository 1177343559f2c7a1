package vn.binhdan.certification;

import java.time.Instant;
import vn.binhdan.people.TargetGroup;

/**
 * A certificate was issued. {@code unitPath} is the holder's residence (officers' scope);
 * {@code countedPath} is where the holder counts for the group's indicators.
 */
public record CertificateIssued(String eventId, String certificateId, long personId, TargetGroup targetGroup,
                                String unitPath, String countedPath, Instant issuedAt) {
}

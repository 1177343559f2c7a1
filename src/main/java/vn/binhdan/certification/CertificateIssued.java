package vn.binhdan.certification;

import java.time.Instant;
import vn.binhdan.people.TargetGroup;

/** A certificate was issued; {@code unitPath} is the holder's residence unit, for the rollups. */
public record CertificateIssued(String eventId, String certificateId, long personId, TargetGroup targetGroup,
                                String unitPath, Instant issuedAt) {
}

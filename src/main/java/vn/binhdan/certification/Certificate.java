package vn.binhdan.certification;

import java.time.Instant;
import vn.binhdan.people.TargetGroup;

/** A certificate as its holder and officers see it; the signed credential is fetched separately. */
public record Certificate(String id, String number, String issuerCode, String issuerName, long personId,
                          String holderName, TargetGroup targetGroup, String achievementName, Integer scorePercent,
                          Instant issuedAt, Instant revokedAt, String revocationReason, String verifyUrl) {

    public boolean revoked() {
        return revokedAt != null;
    }
}

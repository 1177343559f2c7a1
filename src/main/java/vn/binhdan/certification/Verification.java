package vn.binhdan.certification;

import java.time.Instant;
import java.util.List;

/**
 * What a verifier learns: whether the credential is genuine (signature by a published issuer
 * key), in force (not revoked, within its dates), and why not when it is not. {@code problems}
 * are message keys; {@code messages} the same in the reader's language. The holder's name is
 * shown masked: the person checking holds the paper with the full name.
 */
public record Verification(String certificateId, Status status, boolean signatureValid, boolean notRevoked,
                           boolean withinDates, List<String> problems, List<String> messages, String number,
                           String achievementName, String holderMasked, String issuerName, Instant issuedAt,
                           Instant revokedAt, String revocationReason) {

    public enum Status { VALID, REVOKED, INVALID, NOT_FOUND }

    public boolean valid() {
        return status == Status.VALID;
    }
}

package vn.binhdan.community.classes;

import java.time.Instant;

/** {@code method}: SESSION_QR, PERSON_QR or LIST. */
public record Attendee(long personId, String fullName, String method, Instant recordedAt) {
}

package vn.binhdan.privacy;

import java.time.Instant;

/**
 * Someone else's read or change of the person's record, as the person may see it: the role and
 * unit of whoever did it, never their name or account.
 */
public record RecordRead(Instant at, String action, String role, String unitName) {
}

package vn.binhdan.contest;

import java.time.Instant;
import java.util.List;

/**
 * A signal that entries may not be one person's own work, for the organiser to review before the
 * prizes are published: SHARED_DEVICE, SHARED_ADDRESS, TOO_FAST or SAME_ANSWERS. Nothing is
 * excluded automatically: a commune hall's computer legitimately serves many people; the
 * organiser excludes an entry with {@link Contests#exclude}, giving the reason.
 */
public record FairPlayFlag(String kind, String detail, List<Flagged> entries) {

    /** {@code excluded}: the organiser's reason when the entry has been excluded, else null. */
    public record Flagged(String entryId, String personName, String unitName, Integer correct, Instant submittedAt,
                          String excluded) {
    }
}

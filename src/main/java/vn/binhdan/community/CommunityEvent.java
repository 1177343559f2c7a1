package vn.binhdan.community;

import java.time.LocalDate;
import java.util.List;

/**
 * Every community record publishes one of these once, inside the transaction that writes it
 * (GuidanceRecorded, ClassHeld, AttendanceRecorded, OutreachPublished, ...). A consumer counts
 * {@link #counts()} and ignores an event id it has seen. Undoing a record (a class cancelled,
 * an approval withdrawn) publishes a new event with negative counts.
 */
public interface CommunityEvent {

    /** Unique per event; the same record never publishes two events with one id. */
    String eventId();

    /** What the record adds to, where and on which day; empty when it counts towards nothing. */
    List<Count> counts();

    /**
     * {@code delta} of {@code tally} at the unit with materialised path {@code unitPath}, on {@code day}.
     * {@code kind} says which sort of record it was where a rule may count only some (an outreach
     * item's channel: SMS is not a news item); null where all count alike.
     */
    record Count(Tally tally, String unitPath, LocalDate day, int delta, String kind) {

        public Count(Tally tally, String unitPath, LocalDate day, int delta) {
            this(tally, unitPath, day, delta, null);
        }
    }
}

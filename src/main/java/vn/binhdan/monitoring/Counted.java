package vn.binhdan.monitoring;

import java.time.LocalDate;
import java.util.List;

/**
 * Counts a module outside monitoring keeps for the rollups (e.g. emulation's year-end reviews),
 * published inside the transaction that records them, so the record and its count commit
 * together; a consumer ignores an event id it has seen. The module also offers the same counts
 * from its rows as a {@link CountedSource}, for the recount.
 */
public record Counted(String eventId, List<Count> counts) {

    /** {@code metric}: one of {@link Metrics#all()}; {@code delta} −1 takes a count back (e.g. a date moved). */
    public record Count(String metric, String unitPath, LocalDate day, int delta) {
    }
}

package vn.binhdan.contest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * People taking part in a contest for the first time, published inside the transaction that
 * records their first entry (a start, or an import of a round held elsewhere). Each person counts
 * once per contest, at their residence and on the day of that entry; a consumer ignores an event
 * id it has seen. {@link ContestTallies} gives the same counts again from the rows.
 */
public record ContestParticipation(String eventId, List<Joined> joined) {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public record Joined(long contestId, String unitPath, LocalDate day) {
    }

    static Joined joined(long contestId, String unitPath, Instant at) {
        return new Joined(contestId, unitPath, LocalDate.ofInstant(at, VIETNAM));
    }
}

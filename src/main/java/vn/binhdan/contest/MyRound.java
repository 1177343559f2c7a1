package vn.binhdan.contest;

import java.time.Instant;

/** A round as a contestant sees it in their list: can they enter, are they in it, is the result out. */
public record MyRound(long contestId, String contestTitle, long roundId, String roundTitle, String status,
                      Instant opensAt, Instant closesAt, int timeLimitMinutes, int questionCount, int entriesUsed,
                      int entriesAllowed, String activeEntryId, String lastEntryId, boolean registered) {

    public boolean canStart() {
        return "OPEN".equals(status) && (activeEntryId != null || entriesUsed < entriesAllowed);
    }
}

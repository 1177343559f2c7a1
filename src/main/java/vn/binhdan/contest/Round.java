package vn.binhdan.contest;

import java.time.Instant;

/**
 * A round. {@code status}: UPCOMING, OPEN, CLOSING (past its close, not scored yet) or CLOSED;
 * {@code trueCount} is known once closed: how many counted entries had every answer right;
 * {@code participants} is -1 where the list was asked for without counts (a contestant's list in the rush).
 */
public record Round(long id, long contestId, int number, String title, Instant opensAt, Instant closesAt,
                    int timeLimitMinutes, int entriesAllowed, Counts counts, int prizes, String drawSpec,
                    int questionCount, String status, Instant closedAt, Integer trueCount, long participants,
                    boolean prizesPublished) {

    public boolean open() {
        return "OPEN".equals(status);
    }

    public boolean closed() {
        return "CLOSED".equals(status);
    }
}

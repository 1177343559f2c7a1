package vn.binhdan.contest;

import java.time.Instant;

/**
 * One line of a round's ranking; the name is masked as on the certificate verify page.
 * {@code decidedBy} names the step that put this entry below the one above it: CORRECT,
 * PREDICTION, TIME or SUBMITTED (null for the first).
 */
public record RankedEntry(int rank, String name, String unitName, int correct, int questionCount, Long prediction,
                          Long predictionGap, long durationMs, Instant submittedAt, String decidedBy) {
}

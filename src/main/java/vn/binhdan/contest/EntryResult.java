package vn.binhdan.contest;

import java.time.Instant;

/**
 * An entry's result, given once the round is closed. The ranking steps in order: right answers,
 * then the prediction's distance from the true count, then the time taken, then the submission time.
 */
public record EntryResult(String entryId, long roundId, String roundTitle, String finishedHow, int correct,
                          int questionCount, Long prediction, int trueCount, Long predictionGap, long durationMs,
                          Instant submittedAt, boolean counted, Integer rank, long rankedEntries) {
}

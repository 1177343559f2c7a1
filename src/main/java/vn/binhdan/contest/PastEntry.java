package vn.binhdan.contest;

import java.time.Instant;

/**
 * An entry of a round held elsewhere (the separate contest site a province used before), as its
 * results sheet gives it: who, when, how many right, the prediction and how long it took.
 */
public record PastEntry(long personId, Instant startedAt, long durationMs, int correct, Long prediction,
                        String device, String clientIp) {
}

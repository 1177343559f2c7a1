package vn.binhdan.contest;

import java.time.Instant;
import java.util.List;

/** A prize list as the organiser announces it; {@code roundId} null for the final and collective prizes. */
public record PrizeList(long contestId, String contestTitle, Long roundId, String title, Instant publishedAt,
                        List<Prize> people, List<UnitStanding> units) {

    public record Prize(int place, String name, String unitName, int correct, int questionCount, Long predictionGap,
                        long durationMs) {
    }
}

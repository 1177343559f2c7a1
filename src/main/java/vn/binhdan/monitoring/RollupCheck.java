package vn.binhdan.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * A comparison of the live rollups against a recompute from source rows: how many values were
 * compared and the first differences ("metric unit group month: live … expected …").
 */
public record RollupCheck(long id, Instant startedAt, Instant finishedAt, String triggeredBy, long compared,
                          int differences, List<String> detail) {

    public boolean passed() {
        return differences == 0;
    }
}

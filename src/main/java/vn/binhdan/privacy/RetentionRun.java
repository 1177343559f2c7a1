package vn.binhdan.privacy;

import java.time.Instant;
import java.util.Map;

/** What one run of the retention rules did: kind → records deleted or anonymised. */
public record RetentionRun(long id, Instant startedAt, Instant finishedAt, String ranBy, Map<String, Integer> changed) {
}

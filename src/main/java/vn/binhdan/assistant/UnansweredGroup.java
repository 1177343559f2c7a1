package vn.binhdan.assistant;

import java.time.Instant;
import java.util.List;

/** Questions the assistant could not answer, grouped by their folded keywords, for content authors. */
public record UnansweredGroup(String keywords, long count, Instant lastAskedAt, List<String> examples) {
}

package vn.binhdan.people;

import java.util.Map;

/** Registry counts of one unit's subtree: residents, adults, and members of each organisation-based group. */
public record GroupCounts(long unitId, long residents, Map<TargetGroup, Long> byGroup) {

    public long get(TargetGroup g) {
        return byGroup.getOrDefault(g, 0L);
    }
}

package vn.binhdan.community;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.community.internal.ShareRepository;
import vn.binhdan.unit.Unit;

/**
 * The registers' shares for the dashboards: households with at least one certified member (the
 * plans' "digital families"), and the digital markets' traders meeting every criterion of the
 * checklist. Read when asked, one grouped query each for a whole subtree; callers check scope.
 */
@Service
@Transactional(readOnly = true)
public class HouseholdShares {

    /** Out of {@code total}, how many count; each unit's figure covers its whole subtree. */
    public record Share(long counted, long total) {
    }

    private final ShareRepository repo;
    private final CascadeProperties props;

    HouseholdShares(ShareRepository repo, CascadeProperties props) {
        this.repo = repo;
        this.props = props;
    }

    /** For each of the units (all within {@code root}'s subtree), its households with a certified member. */
    public Map<Long, Share> households(Unit root, List<Unit> units) {
        Map<Long, long[]> sums = new HashMap<>();
        repo.households(root.path(), c -> add(sums, units, c));
        return shares(sums, units);
    }

    /** For each of the units, its markets' traders that meet every criterion. */
    public Map<Long, Share> traders(Unit root, List<Unit> units) {
        Map<Long, long[]> sums = new HashMap<>();
        repo.traders(root.path(), props.marketCriteria(), c -> add(sums, units, c));
        return shares(sums, units);
    }

    private static void add(Map<Long, long[]> sums, List<Unit> units, ShareRepository.PathCount c) {
        for (Unit u : units) {
            if (c.unitPath().startsWith(u.path())) {
                long[] s = sums.computeIfAbsent(u.id(), k -> new long[2]);
                s[0] += c.counted();
                s[1] += c.total();
            }
        }
    }

    private static Map<Long, Share> shares(Map<Long, long[]> sums, List<Unit> units) {
        Map<Long, Share> out = new HashMap<>();
        for (Unit u : units) {
            long[] s = sums.getOrDefault(u.id(), new long[2]);
            out.put(u.id(), new Share(s[0], s[1]));
        }
        return out;
    }
}

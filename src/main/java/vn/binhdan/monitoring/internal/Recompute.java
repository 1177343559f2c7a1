package vn.binhdan.monitoring.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.certification.Certificates;
import vn.binhdan.community.CommunityTallies;
import vn.binhdan.certification.CertifiedSource;
import vn.binhdan.monitoring.Metrics;
import vn.binhdan.monitoring.internal.RollupRepository.Cell;
import vn.binhdan.people.PersonDirectory;

/** Values derived from the source rows alone, the way the live feed derives them from events. */
@Component
public class Recompute {


    private final Certificates certificates;
    private final PersonDirectory persons;
    private final CommunityTallies community;

    Recompute(Certificates certificates, PersonDirectory persons, CommunityTallies community) {
        this.certificates = certificates;
        this.persons = persons;
        this.community = community;
    }

    /** The community metrics (classes, guidance sessions, outreach, ...) from the records' rows. */
    public Map<Cell, Long> community() {
        Map<Cell, Long> values = new HashMap<>();
        community.forEachCount(c -> {
            Tree.addUp(values, c.tally().name(), c.unitPath(), Indicator.ALL, c.day(), c.delta());
            if (c.kind() != null) {
                Tree.addUp(values, c.tally().name(), c.unitPath(), c.kind(), c.day(), c.delta());
            }
        });
        return values;
    }

    /**
     * The certified values from the source rows; each source is also handed to {@code sources}
     * as it streams by (a rebuild writes them in batches; the check passes a no-op), so memory
     * holds the values, never the millions of sources.
     */
    public Map<Cell, Long> certified(Consumer<CertifiedSource> sources) {
        Map<Cell, Long> values = new HashMap<>();
        // sources arrive grouped by person and group: keep the earliest of each run
        CertifiedSource[] best = new CertifiedSource[1];
        certificates.forEachCertifiedSource(s -> {
            sources.accept(s);
            CertifiedSource b = best[0];
            if (b != null && b.personId() == s.personId() && b.group() == s.group()) {
                if (s.since().isBefore(b.since()) || (s.since().equals(b.since()) && s.sourceId().compareTo(b.sourceId()) < 0)) {
                    best[0] = s;
                }
                return;
            }
            count(values, b);
            best[0] = s;
        });
        count(values, best[0]);
        return values;
    }

    private static void count(Map<Cell, Long> values, CertifiedSource s) {
        if (s != null) {
            Tree.addUp(values, Metrics.CERTIFIED, s.countedPath(), s.group().name(), CertificationFeed.day(s.since()), 1);
        }
    }

    /** Registry counts per unit and group, each unit including its whole subtree. */
    public Map<Long, Map<String, Long>> population() {
        Map<Cell, Long> sums = new HashMap<>();
        persons.forEachPopulationCount(c -> Tree.addUp(sums, "POPULATION", c.unitPath(), c.group().name(), null, c.count()));
        Map<Long, Map<String, Long>> out = new HashMap<>();
        sums.forEach((cell, n) -> out.computeIfAbsent(cell.unitId(), k -> new HashMap<>()).put(cell.group(), n));
        return out;
    }
}

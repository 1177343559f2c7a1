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

    private final vn.binhdan.campaign.ApprovedFiguresSource approved;
    private final vn.binhdan.contest.ContestTallies contests;
    private final java.util.List<vn.binhdan.monitoring.CountedSource> others;

    Recompute(Certificates certificates, PersonDirectory persons, CommunityTallies community,
              vn.binhdan.campaign.ApprovedFiguresSource approved, vn.binhdan.contest.ContestTallies contests,
              java.util.List<vn.binhdan.monitoring.CountedSource> others) {
        this.contests = contests;
        this.others = others;
        this.certificates = certificates;
        this.persons = persons;
        this.community = community;
        this.approved = approved;
    }

    /** A reported value as it should stand: the key and what the current figure must say. */
    public record Reported(long unitId, String indicator, String group, int year) {
    }

    /**
     * The current reported figures from the approved reports themselves, under the rule the feed
     * applies (the latest period wins; within one period, the later approval), as "periodId n/d".
     */
    public Map<Reported, String> reported() {
        Map<Reported, String> out = new HashMap<>();
        Map<Reported, java.time.LocalDate> ends = new HashMap<>();
        approved.forEachApproved(e -> {
            for (vn.binhdan.campaign.ApprovedFigures.Value v : e.values()) {
                Reported key = new Reported(e.unitId(), v.indicatorCode(), v.group(), e.periodYear());
                java.time.LocalDate end = ends.get(key);
                if (end == null || !e.periodEnd().isBefore(end)) {
                    ends.put(key, e.periodEnd());
                    out.put(key, reportedText(e.periodId(), v.numerator(), v.denominator()));
                }
            }
        });
        return out;
    }

    /** Every standing approval, oldest first, for a rebuild to store again. */
    public void forEachApproved(Consumer<vn.binhdan.campaign.ApprovedFigures> sink) {
        approved.forEachApproved(sink);
    }

    public static String reportedText(String periodId, long numerator, Long denominator) {
        return periodId + " " + numerator + (denominator == null ? "" : "/" + denominator);
    }

    /**
     * The community metrics (classes, guidance sessions, outreach, ...) and the contests'
     * participants from the records' rows.
     */
    public Map<Cell, Long> community() {
        Map<Cell, Long> values = new HashMap<>();
        contests.forEachParticipant(j -> Tree.addUp(values, Metrics.CONTEST_PARTICIPANTS, j.unitPath(), Indicator.ALL,
                j.day(), 1));
        others.forEach(source -> source.forEachCount(c -> Tree.addUp(values, c.metric(), c.unitPath(), Indicator.ALL,
                c.day(), c.delta())));
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

package vn.binhdan.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.contest.ContestParticipation;
import vn.binhdan.monitoring.Metrics;

/**
 * Counts a contest's new participants in the transaction that records their first entry, as the
 * community feed counts its records: both commit together, and a redelivered id counts nothing.
 */
@Component
class ContestFeed {

    private final RollupRepository repo;
    private final Drainer drainer;
    private final Clock clock;

    ContestFeed(RollupRepository repo, Drainer drainer, Clock clock) {
        this.repo = repo;
        this.drainer = drainer;
        this.clock = clock;
    }

    @EventListener
    void on(ContestParticipation e) {
        if (e.joined().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (!repo.firstSight(e.eventId(), now)) {
            return;
        }
        // one row per unit and day: an import of a whole round adds a few hundred, not one per person
        java.util.Map<java.util.List<Object>, Integer> grouped = new java.util.LinkedHashMap<>();
        e.joined().forEach(j -> grouped.merge(java.util.List.of(j.unitPath(), j.day()), 1, Integer::sum));
        repo.addDeltas(grouped.entrySet().stream().map(g -> new RollupRepository.Delta(0, Metrics.CONTEST_PARTICIPANTS,
                (String) g.getKey().get(0), Indicator.ALL, (java.time.LocalDate) g.getKey().get(1), g.getValue()))
                .toList(), now);
        drainer.wakeAfterCommit();
    }
}

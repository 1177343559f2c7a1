package vn.binhdan.monitoring.internal;

import java.time.Instant;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.community.CommunityEvent;

/**
 * Takes community events in the recording transaction, like certification events: the record
 * and its count commit together, and a redelivered event id counts nothing.
 */
@Component
class CommunityFeed {

    private final RollupRepository repo;
    private final Drainer drainer;
    private final Clock clock;

    CommunityFeed(RollupRepository repo, Drainer drainer, Clock clock) {
        this.repo = repo;
        this.drainer = drainer;
        this.clock = clock;
    }

    @EventListener
    void on(CommunityEvent e) {
        if (e.counts().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (!repo.firstSight(e.eventId(), now)) {
            return;
        }
        // a count with a kind also counts under that kind, so a rule can take some kinds only
        repo.addDeltas(e.counts().stream()
                .filter(c -> c.delta() != 0)
                .flatMap(c -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(new RollupRepository.Delta(0, c.tally().name(), c.unitPath(),
                                Indicator.ALL, c.day(), c.delta())),
                        c.kind() == null ? java.util.stream.Stream.empty()
                                : java.util.stream.Stream.of(new RollupRepository.Delta(0, c.tally().name(), c.unitPath(),
                                c.kind(), c.day(), c.delta()))))
                .toList(), now);
        drainer.wakeAfterCommit();
    }
}

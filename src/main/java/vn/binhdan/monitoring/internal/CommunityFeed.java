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
        repo.addDeltas(e.counts().stream()
                .filter(c -> c.delta() != 0)
                .map(c -> new RollupRepository.Delta(0, c.tally().name(), c.unitPath(), Indicator.ALL, c.day(), c.delta()))
                .toList(), now);
        drainer.wakeAfterCommit();
    }
}

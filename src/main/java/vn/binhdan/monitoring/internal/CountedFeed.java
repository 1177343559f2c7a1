package vn.binhdan.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.monitoring.Counted;

/** Takes other modules' counts in their recording transaction, like the community and contest feeds. */
@Component
class CountedFeed {

    private final RollupRepository repo;
    private final Drainer drainer;
    private final Clock clock;

    CountedFeed(RollupRepository repo, Drainer drainer, Clock clock) {
        this.repo = repo;
        this.drainer = drainer;
        this.clock = clock;
    }

    @EventListener
    void on(Counted e) {
        if (e.counts().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (!repo.firstSight(e.eventId(), now)) {
            return;
        }
        repo.addDeltas(e.counts().stream().filter(c -> c.delta() != 0)
                .map(c -> new RollupRepository.Delta(0, c.metric(), c.unitPath(), Indicator.ALL, c.day(), c.delta()))
                .toList(), now);
        drainer.wakeAfterCommit();
    }
}

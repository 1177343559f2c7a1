package vn.binhdan.community.internal.events;

import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import vn.binhdan.community.CommunityEvent.Count;
import vn.binhdan.community.Tally;
import vn.binhdan.community.internal.TallySource;

/** Each unit's latest participant figure of every event still standing, on the event's day. */
@Component
class EventTallies implements TallySource {

    private final EventRepository repo;

    EventTallies(EventRepository repo) {
        this.repo = repo;
    }

    @Override
    public void forEachCount(Consumer<Count> sink) {
        repo.forEachStanding((p, kind) -> sink.accept(new Count(Tally.EVENT_PARTICIPANTS, p.unitPath(), p.day(),
                p.participants(), kind)));
    }
}

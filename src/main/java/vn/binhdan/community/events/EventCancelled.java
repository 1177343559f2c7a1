package vn.binhdan.community.events;

import java.util.List;
import vn.binhdan.community.CommunityEvent;

/** An event that did not take place after all: every unit's participants taken back. */
public record EventCancelled(long id, List<Count> counts) implements CommunityEvent {

    public EventCancelled {
        counts = List.copyOf(counts);
    }

    @Override
    public String eventId() {
        return "event-cancelled:" + id;
    }
}

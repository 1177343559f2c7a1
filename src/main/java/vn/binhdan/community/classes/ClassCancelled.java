package vn.binhdan.community.classes;

import java.util.List;
import vn.binhdan.community.CommunityEvent;

/**
 * A class cancelled (recorded by mistake, or never really held): everything it counted is taken
 * back, the class itself if it was held and every attendance, on the days they counted.
 */
public record ClassCancelled(long classId, List<Count> counts) implements CommunityEvent {

    public ClassCancelled {
        counts = List.copyOf(counts);
    }

    @Override
    public String eventId() {
        return "class-cancelled:" + classId;
    }
}

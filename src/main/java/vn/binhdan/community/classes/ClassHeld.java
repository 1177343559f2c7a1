package vn.binhdan.community.classes;

import java.time.LocalDate;
import java.util.List;
import vn.binhdan.community.CommunityEvent;
import vn.binhdan.community.Tally;

/** A class took place: it counts once, on the day of its first session marked held. */
public record ClassHeld(long classId, String unitPath, LocalDate day) implements CommunityEvent {

    @Override
    public String eventId() {
        return "class-held:" + classId;
    }

    @Override
    public List<Count> counts() {
        return List.of(new Count(Tally.CLASSES_HELD, unitPath, day, 1));
    }
}

package vn.binhdan.community.events;

import java.time.LocalDate;
import java.util.List;
import vn.binhdan.community.CommunityEvent;
import vn.binhdan.community.Tally;

/**
 * A unit's participants in an event, reported or corrected: {@code gatheringId} is the event's row id and {@code delta} the change from the
 * figure before, and each revision of the figure is its own event; {@code kind} the event's kind (a launch
 * ceremony, the festival), which per-commune rules count apart.
 */
public record ParticipantsReported(long gatheringId, long unitId, int revision, String unitPath, LocalDate day, int delta,
                                   String kind)
        implements CommunityEvent {

    @Override
    public String eventId() {
        return "event-participants:" + gatheringId + ":" + unitId + ":" + revision;
    }

    @Override
    public List<Count> counts() {
        return List.of(new Count(Tally.EVENT_PARTICIPANTS, unitPath, day, delta, kind));
    }
}

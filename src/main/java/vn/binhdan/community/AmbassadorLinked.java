package vn.binhdan.community;

import java.time.LocalDate;
import java.util.List;

/**
 * A guide took a learner into their cascade. No indicator counts links yet, so {@link #counts()}
 * is empty; the event is there for team pages and notifications.
 */
public record AmbassadorLinked(String eventId, long guideId, long learnerId, String learnerUnitPath, LocalDate linkedOn)
        implements CommunityEvent {

    @Override
    public List<Count> counts() {
        return List.of();
    }
}

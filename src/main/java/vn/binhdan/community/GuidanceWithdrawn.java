package vn.binhdan.community;

import java.time.LocalDate;
import java.util.List;

/** A mistaken guidance entry was withdrawn: what it added is taken back. */
public record GuidanceWithdrawn(long sessionId, String unitPath, LocalDate givenOn, int people) implements CommunityEvent {

    @Override
    public String eventId() {
        return "guidance-withdrawn:" + sessionId;
    }

    @Override
    public List<Count> counts() {
        return List.of(new Count(Tally.GUIDANCE_SESSIONS, unitPath, givenOn, -1),
                new Count(Tally.PERSONS_GUIDED, unitPath, givenOn, -people));
    }
}

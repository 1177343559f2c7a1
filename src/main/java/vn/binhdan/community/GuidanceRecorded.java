package vn.binhdan.community;

import java.time.LocalDate;
import java.util.List;

/** A guidance session was recorded: one session, and each person helped, at the unit where it was given. */
public record GuidanceRecorded(long sessionId, String unitPath, LocalDate givenOn, int people) implements CommunityEvent {

    @Override
    public String eventId() {
        return "guidance:" + sessionId;
    }

    @Override
    public List<Count> counts() {
        return List.of(new Count(Tally.GUIDANCE_SESSIONS, unitPath, givenOn, 1),
                new Count(Tally.PERSONS_GUIDED, unitPath, givenOn, people));
    }
}

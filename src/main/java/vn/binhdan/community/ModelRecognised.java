package vn.binhdan.community;

import java.time.LocalDate;
import java.util.List;

/**
 * The province recognised a model citizen or village ({@code delta} +1), or withdrew that
 * recognition ({@code delta} -1, under its own event id), at the nominee's unit on the day decided.
 */
public record ModelRecognised(String eventId, long nominationId, NominationKind kind, String unitPath, LocalDate day,
                              int delta) implements CommunityEvent {

    @Override
    public List<Count> counts() {
        return List.of(new Count(kind.tally(), unitPath, day, delta));
    }
}

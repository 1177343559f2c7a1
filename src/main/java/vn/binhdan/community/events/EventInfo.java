package vn.binhdan.community.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record EventInfo(long id, EventKind kind, String title, LocalDate heldOn, long unitId, String unitName,
                        Instant cancelledAt, List<Participation> participation, boolean manageable) {

    public record Participation(long unitId, String unitName, int participants) {
    }

    public int total() {
        return participation.stream().mapToInt(Participation::participants).sum();
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }
}

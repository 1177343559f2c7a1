package vn.binhdan.community.classes;

import java.time.LocalDate;
import java.util.List;
import vn.binhdan.community.CommunityEvent;
import vn.binhdan.community.Tally;

/** A presence ticked by mistake taken back: the count it added, subtracted. */
public record AttendanceRemoved(long attendanceId, String unitPath, LocalDate day) implements CommunityEvent {

    @Override
    public String eventId() {
        return "attendance-removed:" + attendanceId;
    }

    @Override
    public List<Count> counts() {
        return List.of(new Count(Tally.CLASS_ATTENDANCES, unitPath, day, -1));
    }
}

package vn.binhdan.community.classes;

import java.time.LocalDate;
import java.util.List;
import vn.binhdan.community.CommunityEvent;
import vn.binhdan.community.Tally;

/** One person present at one session; the attendance row's id makes the event id. */
public record AttendanceRecorded(long attendanceId, long sessionId, long personId, String unitPath, LocalDate day)
        implements CommunityEvent {

    @Override
    public String eventId() {
        return "attendance:" + attendanceId;
    }

    @Override
    public List<Count> counts() {
        return List.of(new Count(Tally.CLASS_ATTENDANCES, unitPath, day, 1));
    }
}

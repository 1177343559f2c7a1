package vn.binhdan.community.classes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.binhdan.people.TargetGroup;

/**
 * A class as users see it. {@code countedOn} is the day it counted as held (once, on the first
 * session marked held); {@code attendees} the distinct persons present at any session.
 */
public record CommunityClass(long id, long unitId, String unitName, String title, String place, Long teacherPersonId,
                             String teacherName, String topics, TargetGroup targetGroup, String courseCode,
                             LocalDate countedOn, Instant cancelledAt, int attendees, List<ClassSession> sessions,
                             boolean manageable) {

    public boolean cancelled() {
        return cancelledAt != null;
    }
}

package vn.binhdan.learning;

import java.time.Instant;
import java.util.Set;
import vn.binhdan.people.TargetGroup;

/** A learner completed every lesson of a course (once per learner and course). */
public record CourseCompleted(String eventId, long personId, long courseId, String courseCode,
                              Set<TargetGroup> targetGroups, Instant occurredAt) {
}

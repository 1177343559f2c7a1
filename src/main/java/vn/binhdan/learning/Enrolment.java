package vn.binhdan.learning;

import java.time.Instant;

/** source: SELF, OFFICER (a unit's target group or one person) or OVERRIDE (outside the course's groups). */
public record Enrolment(long personId, long courseId, Instant enrolledAt, String enrolledBy, String source,
                        Long lastLessonId, Instant lastSeenAt, Instant completedAt) {
}

package vn.binhdan.learning;

import java.time.Instant;
import java.util.List;

/**
 * A learner completed a lesson (once per learner and lesson). {@code eventId} is the id of the
 * matching learning statement, so a consumer can ignore a redelivery.
 */
public record LessonCompleted(String eventId, long personId, long courseId, String courseCode, long lessonId,
                              String frameworkVersion, List<String> competencies, String completedBy,
                              Instant occurredAt) {
}

package vn.binhdan.assessment;

import java.time.Instant;
import vn.binhdan.people.TargetGroup;

/** A person passed the exam of a target group; published once, when the attempt is graded. */
public record AttemptPassed(String eventId, String attemptId, long personId, TargetGroup targetGroup,
                            String frameworkVersion, int scorePercent, Instant passedAt) {
}

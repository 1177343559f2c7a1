package vn.binhdan.assessment;

import java.time.Instant;
import vn.binhdan.people.TargetGroup;

/**
 * An exam the signed-in person may take (one per target group they belong to), with what stands
 * in the way: attempts used in the last 30 days, the wait after a failed attempt, an attempt
 * still running, or a pass already earned.
 */
public record ExamOption(TargetGroup targetGroup, int questionCount, int timeLimitMinutes, int passPercent,
                         int attemptsAllowed, int attemptsUsed, Instant nextAllowedAt, String activeAttemptId,
                         String passedAttemptId, boolean servable) {

    @com.fasterxml.jackson.annotation.JsonProperty
    public boolean canStart() {
        return servable && activeAttemptId == null && passedAttemptId == null && attemptsUsed < attemptsAllowed
                && nextAllowedAt == null;
    }
}

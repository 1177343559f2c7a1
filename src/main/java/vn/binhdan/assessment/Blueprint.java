package vn.binhdan.assessment;

import java.time.Instant;
import java.util.Map;
import vn.binhdan.people.TargetGroup;

/**
 * How the exam of a target group is drawn. Difficulty: easy 1–2, medium 3, hard 4–5. The wait is
 * between a failed attempt and the next one.
 */
public record Blueprint(TargetGroup targetGroup, String frameworkVersion, Map<String, Integer> perArea,
                        int easyPercent, int mediumPercent, int hardPercent, int timeLimitMinutes, int passPercent,
                        int maxAttempts, int waitHours, String updatedBy, Instant updatedAt) {

    public int questionCount() {
        return perArea.values().stream().mapToInt(Integer::intValue).sum();
    }
}

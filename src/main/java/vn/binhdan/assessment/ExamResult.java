package vn.binhdan.assessment;

import java.time.Instant;
import java.util.List;
import vn.binhdan.people.TargetGroup;

/**
 * A graded attempt: the score, how the learner did on each competency and the lessons to read
 * again. The right answers themselves stay in the bank, so the next learner's exam still tests.
 */
public record ExamResult(String attemptId, TargetGroup targetGroup, int correct, int total, int percent,
                         int passPercent, boolean passed, String finishedHow, Instant finishedAt,
                         List<CompetencyResult> competencies, List<ReviewLesson> review) {

    public record CompetencyResult(String code, String title, int correct, int total, boolean mastered) {
    }

    public record ReviewLesson(String courseCode, String lessonCode, String title, String competency) {
    }
}

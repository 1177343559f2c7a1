package vn.binhdan.learning;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One learner's progress in one course. {@code next} is where "continue" leads: the last lesson
 * seen if it is not done, else the first lesson not done after it.
 */
public record CourseProgress(Course course, Enrolment enrolment, Set<Long> completedLessons, Course.LessonRef next,
                             Map<String, CompetencyProgress> byCompetency) {

    public int done() {
        return completedLessons.size();
    }

    public int total() {
        return course.lessons().size();
    }

    public int percent() {
        return total() == 0 ? 0 : done() * 100 / total();
    }

    public boolean completed() {
        return enrolment.completedAt() != null;
    }

    public Instant lastSeenAt() {
        return enrolment.lastSeenAt();
    }

    public boolean isDone(long lessonId) {
        return completedLessons.contains(lessonId);
    }

    /** In a sequential course a lesson opens when the one before it is done. */
    public boolean isLocked(Course.LessonRef lesson) {
        if (!course.sequential()) {
            return false;
        }
        List<Course.LessonRef> lessons = course.lessons();
        int i = lessons.indexOf(lesson);
        return i > 0 && !completedLessons.contains(lessons.get(i - 1).id());
    }

    /** Lessons done and lessons in total for one competency of the course's framework version. */
    public record CompetencyProgress(String code, String frameworkVersion, int done, int total) {

        public int percent() {
            return total == 0 ? 0 : done * 100 / total;
        }
    }
}

package vn.binhdan.learning;

import java.util.Set;

/**
 * Lessons a learner need not study, although not completed: for instance because a placement
 * check showed that every competency they teach is mastered. In a sequential course such a
 * lesson does not keep the next one locked; it is not counted as completed.
 */
public interface LessonCredits {

    Set<Long> credited(long personId, Course course);
}

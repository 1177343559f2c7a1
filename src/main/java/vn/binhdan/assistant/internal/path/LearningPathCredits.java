package vn.binhdan.assistant.internal.path;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.binhdan.learning.Course;
import vn.binhdan.learning.LessonCredits;

/**
 * The lessons the path skips are credited, so that the next lesson it recommends can be opened
 * in a course that unlocks lessons in order.
 */
@Component
class LearningPathCredits implements LessonCredits {

    private final PathRepository repo;

    LearningPathCredits(PathRepository repo) {
        this.repo = repo;
    }

    @Override
    public Set<Long> credited(long personId, Course course) {
        Map<String, PathRepository.MasteryRow> rows = repo.mastery(personId, course.frameworkVersion());
        Set<Long> out = new HashSet<>();
        if (rows.isEmpty()) {
            return out;
        }
        for (Course.LessonRef l : course.lessons()) {
            if (!l.competencies().isEmpty() && l.competencies().stream().allMatch(c -> rows.containsKey(c)
                    && rows.get(c).mastery() >= PlacementModel.CONFIDENCE)) {
                out.add(l.id());
            }
        }
        return out;
    }
}

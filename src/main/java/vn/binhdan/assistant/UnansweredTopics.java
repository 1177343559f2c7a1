package vn.binhdan.assistant;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.binhdan.learning.Course;
import vn.binhdan.learning.CourseService;
import vn.binhdan.shared.BusinessException;

/**
 * The authors' view of what learners asked and no lesson answered: each group of similar
 * questions with the lessons that come closest, so the author can decide between improving one
 * of them and writing a new lesson. Only content authors and administrators may read it.
 */
@Service
public class UnansweredTopics {

    static final int CLOSEST = 3;
    private final AssistantService assistant;
    private final SearchService search;
    private final CourseService courses;

    public UnansweredTopics(AssistantService assistant, SearchService search, CourseService courses) {
        this.assistant = assistant;
        this.search = search;
        this.courses = courses;
    }

    /** One group of similar unanswered questions and the closest published lessons. */
    public record Topic(UnansweredGroup group, List<Closest> closest) {
    }

    /** A lesson found for a group, with the id its editor page needs (null if it is gone since the index was built). */
    public record Closest(SearchHit hit, Long lessonId) {
    }

    public List<Topic> topics(int limit) {
        // the assistant's own list: it refuses whoever is not an author, as the API does
        List<UnansweredGroup> groups = assistant.unanswered(limit);
        Map<String, Optional<Course>> outlines = new HashMap<>(); // a few courses serve every group
        return groups.stream().map(g -> new Topic(g, closestLessons(g, outlines))).toList();
    }

    private List<Closest> closestLessons(UnansweredGroup g, Map<String, Optional<Course>> outlines) {
        String words = g.label() == null || g.label().isBlank() ? g.keywords() : g.label();
        // lessons only: a course or a module is not something the author can edit into an answer
        return search.search(words, 20).stream().filter(h -> "LESSON".equals(h.kind())).limit(CLOSEST)
                .map(h -> new Closest(h, outlines.computeIfAbsent(h.courseCode(), this::course)
                        .flatMap(c -> c.modules().stream().flatMap(m -> m.lessons().stream())
                                .filter(l -> l.code().equals(h.lessonCode())).findFirst())
                        .map(Course.LessonRef::id).orElse(null)))
                .toList();
    }

    private Optional<Course> course(String code) {
        try {
            return Optional.of(courses.get(code));
        } catch (BusinessException gone) {
            return Optional.empty(); // withdrawn since the index was last built
        }
    }
}

package vn.binhdan.assistant;

import java.util.List;
import org.springframework.stereotype.Service;

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

    public UnansweredTopics(AssistantService assistant, SearchService search) {
        this.assistant = assistant;
        this.search = search;
    }

    /** One group of similar unanswered questions and the closest published lessons. */
    public record Topic(UnansweredGroup group, List<SearchHit> closest) {
    }

    public List<Topic> topics(int limit) {
        // the assistant's own list: it refuses whoever is not an author, as the API does
        return assistant.unanswered(limit).stream().map(g -> new Topic(g, closestLessons(g))).toList();
    }

    private List<SearchHit> closestLessons(UnansweredGroup g) {
        String words = g.label() == null || g.label().isBlank() ? g.keywords() : g.label();
        // lessons only: a course or a module is not something the author can edit into an answer
        return search.search(words, 20).stream().filter(h -> "LESSON".equals(h.kind())).limit(CLOSEST).toList();
    }
}

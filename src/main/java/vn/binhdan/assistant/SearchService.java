package vn.binhdan.assistant;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.binhdan.learning.CatalogueChanged;
import org.springframework.stereotype.Service;
import vn.binhdan.assistant.internal.search.IndexAnalysis;
import vn.binhdan.assistant.internal.search.IndexContent;
import vn.binhdan.assistant.internal.search.IndexDoc;
import vn.binhdan.assistant.internal.search.SearchIndex;
import vn.binhdan.assistant.internal.search.Vocabulary;
import vn.binhdan.learning.Course;
import vn.binhdan.learning.CourseService;
import vn.binhdan.learning.Lesson;
import vn.binhdan.shared.cluster.ClusterSignals;

/**
 * Search over the published courses, modules and lessons (never the exam question bank, nor the
 * lessons' practice checks, whose answers would leak). The index lives in memory and is rebuilt
 * when the catalogue's edit stamps change: every publish, unpublish and lesson edit moves its
 * course's stamp, so polling them sees every change without the learning module knowing us.
 */
@Service
@Order(30)
public class SearchService implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);
    public static final int MAX_QUESTION = 500;

    private final CourseService courses;
    private final Analyzer analyzer = IndexAnalysis.analyzer();
    private final Vocabulary vocabulary = Vocabulary.load(analyzer);
    private volatile SearchIndex index;
    private volatile String stamp = "";

    private final ClusterSignals signals;

    public SearchService(CourseService courses, ClusterSignals signals) {
        this.courses = courses;
        this.signals = signals;
        this.index = SearchIndex.build(analyzer, vocabulary, List.of());
        signals.subscribe(CATALOGUE, key -> refresh());
    }

    static final String CATALOGUE = "catalogue";

    @Override
    public void run(ApplicationArguments args) {
        refresh();
    }

    /**
     * A publication is searchable as soon as the author's click returns. The poll below stays for
     * changes this instance did not make (another instance of the platform, a database restore).
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(CatalogueChanged change) {
        refresh();
    }

    /**
     * The other instances hear of the change through the database, in the change's own
     * transaction, and rebuild within a second (their poll below would take up to 30 s).
     */
    @org.springframework.context.event.EventListener
    void announce(CatalogueChanged change) {
        signals.publish(CATALOGUE, "");
    }

    /** Rebuilds the index if any published course changed since the last build. */
    @Scheduled(fixedDelayString = "${binhdan.assistant.refresh-every:PT30S}", initialDelayString = "PT30S")
    public synchronized void refresh() {
        List<Course> catalogue = courses.catalogue();
        StringBuilder now = new StringBuilder();
        for (Course c : catalogue) {
            now.append(c.id()).append('@').append(c.updatedAt()).append(';');
        }
        if (now.toString().equals(stamp)) {
            return;
        }
        List<IndexDoc> docs = new ArrayList<>();
        for (Course c : catalogue) {
            String courseTitle = c.title().in("vi");
            String courseUrl = "/learn/" + c.code();
            docs.add(new IndexDoc("COURSE", c.code(), null, courseTitle, "", c.summary().in("vi"), courseUrl));
            for (Course.Module m : c.modules()) {
                String moduleTitle = m.title().in("vi");
                String lessonTitles = String.join("\n", m.lessons().stream().map(l -> l.title().in("vi")).toList());
                docs.add(new IndexDoc("MODULE", c.code(), null, moduleTitle, courseTitle, lessonTitles, courseUrl));
            }
            for (Lesson l : courses.lessons(c)) {
                String moduleTitle = c.modules().stream().filter(m -> m.id() == l.moduleId()).findFirst()
                        .map(m -> m.title().in("vi")).orElse("");
                String text = IndexContent.text(l.body());
                if (l.transcript() != null && !l.transcript().isBlank()) {
                    text = text + "\n" + l.transcript().strip();
                }
                docs.add(new IndexDoc("LESSON", c.code(), l.code(), l.title().in("vi"),
                        courseTitle + " · " + moduleTitle, text, courseUrl + "/" + l.code(), IndexContent.outline(l.body()),
                        l.asked()));
            }
        }
        index = SearchIndex.build(analyzer, vocabulary, docs);
        stamp = now.toString();
        log.info("Search index built: {} entries from {} published courses", docs.size(), catalogue.size());
    }

    /** Ranked hits with highlighted snippets; an empty or blank query finds nothing. */
    public List<SearchHit> search(String q, int limit) {
        String text = q == null ? "" : q.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.length() > MAX_QUESTION) {
            text = text.substring(0, MAX_QUESTION);
        }
        return index.search(text, Math.max(1, Math.min(limit, 50)));
    }

    /** The index as it is now, for the assistant: one snapshot per question. */
    SearchIndex current() {
        return index;
    }
}

package vn.binhdan.assessment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.assessment.internal.QuestionRepository;
import vn.binhdan.assessment.internal.ShippedQuestions;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.shipped.ShippedReleases;
import vn.binhdan.shared.shipped.ShippedUpdate;
import vn.binhdan.skills.FrameworkService;

/**
 * The questions shipped with each release. A question the province left as installed is brought
 * up to the new release; one it edited, retired or illustrated stays as the province made it and
 * the release's version waits for an author. A question already asked in an exam is not rewritten:
 * the asked version is set aside under a code of its own, so the attempts graded on it keep its
 * words, options and answer, and the new version takes the code. A question a contest round still
 * running asked waits for the round to be scored (the next start).
 */
@Service
@Transactional(readOnly = true)
public class ShippedBank {

    static final String KIND = "QUESTION";

    private final QuestionRepository repo;
    private final ShippedReleases releases;
    private final FrameworkService frameworks;
    private final AuditLog audit;

    public ShippedBank(QuestionRepository repo, ShippedReleases releases, FrameworkService frameworks, AuditLog audit) {
        this.repo = repo;
        this.releases = releases;
        this.frameworks = frameworks;
        this.audit = audit;
    }

    /** Installs or upgrades each question of a release; what happened to each, by code. */
    @Transactional
    public Map<String, ShippedReleases.Outcome> installShipped(List<Question> release) {
        releases.lock();
        Map<String, ShippedReleases.Outcome> out = new LinkedHashMap<>();
        for (Question q : release) {
            out.put(q.code(), install(q));
        }
        return out;
    }

    private ShippedReleases.Outcome install(Question q) {
        String shipped = hash(q);
        Optional<QuestionRepository.Stored> stored = repo.stored(q.code());
        if (stored.isEmpty()) {
            repo.upsert(q, "system");
            releases.installed(KIND, q.code(), shipped);
            return ShippedReleases.Outcome.INSTALLED;
        }
        QuestionRepository.Stored s = stored.get();
        ShippedReleases.Step step = ShippedReleases.decide(releases.release(KIND, q.code()), shipped, hash(s.question()),
                "system".equals(s.createdBy()), !s.question().active() || s.pictured());
        switch (step) {
            case RECORD -> releases.installed(KIND, q.code(), shipped);
            case NOTHING -> { }
            case WAIT -> {
                releases.waiting(KIND, q.code(), shipped);
                return ShippedReleases.Outcome.KEPT_LOCAL_EDITS;
            }
            case UPGRADE -> {
                if (repo.inOpenContestRound(q.code())) {
                    return ShippedReleases.Outcome.DEFERRED;
                }
                if (s.answered()) {
                    repo.archive(s.id(), q.code());
                }
                repo.upsert(q, "system");
                releases.installed(KIND, q.code(), shipped);
                audit.record("UPGRADE", "question", q.code(), "/", shipped.substring(0, 12));
                return ShippedReleases.Outcome.UPGRADED;
            }
        }
        return ShippedReleases.Outcome.UNCHANGED;
    }

    /** The release's questions that differ from the province's edited copies, each beside the local one (authors). */
    public List<ShippedUpdate> compare(List<Question> release) {
        QuestionBank.checkAuthor(CurrentUser.require());
        Map<String, java.time.Instant> waiting = releases.waiting(KIND);
        List<ShippedUpdate> out = new ArrayList<>();
        for (Question q : release) {
            Optional<Question> here = repo.find(q.code());
            if (here.isPresent() && !hash(here.get()).equals(hash(q))) {
                if (waiting.containsKey(q.code())) {
                    out.add(new ShippedUpdate(KIND, q.code(), waiting.get(q.code()), here.get(), q));
                }
            }
        }
        return out;
    }

    /** What each waiting release of a shipped question would change, for an author to merge by hand. */
    public List<ShippedUpdate> waiting() throws IOException {
        QuestionBank.checkAuthor(CurrentUser.require());
        return ShippedQuestions.read(frameworks.current()).map(this::compare).orElse(List.of());
    }

    /** The content of a question as shipped: what an author writes, not how it has been used. */
    static String hash(Question q) {
        return ShippedReleases.hash(q.code(), q.frameworkVersion(), q.competency(), new TreeSet<>(q.targetGroups()),
                q.type(), q.difficulty(), q.prompt(), q.options(), q.answer(), q.explanation());
    }
}

package vn.binhdan.assistant;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import vn.binhdan.assessment.ExamService;
import vn.binhdan.assistant.internal.generative.GenerativeWriter;
import vn.binhdan.assistant.internal.search.AssistantEngine;
import vn.binhdan.assistant.internal.search.PersonalData;
import vn.binhdan.assistant.internal.search.SearchIndex;
import vn.binhdan.assistant.internal.search.UnansweredQuestions;
import vn.binhdan.shared.AppUser;
import vn.binhdan.learning.Course;
import vn.binhdan.learning.CourseService;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;

/**
 * Answers a learner's question from the lessons only (extractive mode): the best sentences of
 * the best lessons, with the lessons cited; an honest "not found" with the nearest lessons
 * otherwise. When a generative endpoint is configured, it may reword an answer the lessons
 * already give, from those lessons alone; anything wrong with it and the lessons' own sentences
 * are shown. ID and phone numbers are removed from the question before it is read, stored,
 * logged or sent anywhere. Silent while the learner takes an exam.
 */
@Service
public class AssistantService {

    private final SearchService search;
    private final ExamService exams;
    private final UnansweredQuestions unanswered;
    private final GenerativeWriter writer;
    private final MessageSource messages;
    private final Clock clock;
    private final CourseService courses;
    private final PersonDirectory persons;
    /** Calibrated on eval.csv with AssistantBench: see bench/README.md. */
    private final double minCoverage;
    private final double minSentenceCoverage;

    public AssistantService(SearchService search, ExamService exams, UnansweredQuestions unanswered,
                            GenerativeWriter writer, MessageSource messages, Clock clock,
                            CourseService courses, PersonDirectory persons,
                            @Value("${binhdan.assistant.min-coverage:0.6}") double minCoverage,
                            @Value("${binhdan.assistant.min-sentence-coverage:0.5}") double minSentenceCoverage) {
        this.search = search;
        this.exams = exams;
        this.unanswered = unanswered;
        this.writer = writer;
        this.messages = messages;
        this.clock = clock;
        this.courses = courses;
        this.persons = persons;
        this.minCoverage = minCoverage;
        this.minSentenceCoverage = minSentenceCoverage;
    }

    public AssistantReply ask(String rawQuestion) {
        String question = PersonalData.redact(rawQuestion == null ? "" : rawQuestion).strip();
        if (question.length() > SearchService.MAX_QUESTION) {
            question = question.substring(0, SearchService.MAX_QUESTION);
        }
        AppUser user = CurrentUser.find().orElse(null);
        if (user != null && user.personId() != null && exams.inExam(user.personId())) {
            return reply("PAUSED", "assistant.paused", null, List.of(), List.of(), question);
        }
        if (question.isEmpty()) {
            return reply("REFUSED", "assistant.empty", null, List.of(), List.of(), question);
        }
        SearchIndex index = search.current();
        // the mask is ours, not the learner's words: it must not steer the search
        String words = question.replace(PersonalData.MASK, " ");
        AssistantEngine.Extract extract = AssistantEngine.answer(index, words, minCoverage, minSentenceCoverage,
                ownCourses(user));
        if (!extract.answered()) {
            unanswered.record(question, index.keywords(words), clock.instant());
            return reply("NOT_FOUND", "assistant.notFound", null, List.of(), extract.closest(), question);
        }
        List<AssistantReply.Citation> citations = extract.cited().stream()
                .map(d -> new AssistantReply.Citation(d.get("title"), d.get("context"), d.get("url"), d.get("course"),
                        d.get("lesson")))
                .toList();
        if (writer.enabled()) {
            List<String> titles = citations.stream().map(AssistantReply.Citation::title).toList();
            var written = writer.write(question, titles, extract.passages());
            if (written.isPresent()) {
                return new AssistantReply("ANSWERED", message("assistant.generated"), written.get(), citations,
                        List.of(), question, true);
            }
        }
        return reply("ANSWERED", "assistant.answered", extract.answer(), citations, List.of(), question);
    }

    /**
     * The published courses made for the asker's own target group: a civil servant, a pupil or a
     * worker is also an adult citizen, but asks as what they are at work or at school; an adult
     * without another group asks as a citizen. Nobody signed in, or no person: no preference.
     */
    private Set<String> ownCourses(AppUser user) {
        if (user == null || user.personId() == null) {
            return Set.of();
        }
        Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        groups.addAll(persons.groupsOf(user.personId()));
        if (groups.size() > 1) {
            groups.remove(TargetGroup.ADULT);
        }
        if (groups.isEmpty()) {
            return Set.of();
        }
        return courses.catalogue().stream().filter(c -> c.isFor(groups)).map(Course::code).collect(Collectors.toSet());
    }

    private AssistantReply reply(String status, String key, String answer, List<AssistantReply.Citation> citations,
                                 List<SearchHit> closest, String question) {
        return new AssistantReply(status, message(key), answer, citations, closest, question, false);
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /** Unanswered questions grouped by similar wording, most asked first; for content authors. */
    public List<UnansweredGroup> unanswered(int limit) {
        if (!CourseService.isAuthor(CurrentUser.require())) {
            throw new ForbiddenException("assistant.authorsOnly");
        }
        return unanswered.groups(Math.max(1, Math.min(limit, 200)));
    }
}

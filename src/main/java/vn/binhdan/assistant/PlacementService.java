package vn.binhdan.assistant;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.assessment.OpenQuestion;
import vn.binhdan.assessment.QuestionBank;
import vn.binhdan.assessment.QuestionType;
import vn.binhdan.assistant.internal.path.PathRepository;
import vn.binhdan.assistant.internal.path.PlacementModel;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.skills.Framework;
import vn.binhdan.skills.FrameworkService;

/**
 * The adaptive placement check: one question at a time from the bank of the learner's target
 * group, chosen by {@link PlacementModel}, graded here, never sent back with its answer or even
 * with whether it was right (on a true/false question that would be the answer).
 */
@Service
@Transactional(readOnly = true)
public class PlacementService {

    /**
     * At most this many questions. The placement bench measured that with 25 the adaptive check
     * agrees with the truth at least as often as a fixed 30-question check, on fewer questions.
     */
    public static final int CAP = 25;

    private final PathRepository repo;
    private final QuestionBank bank;
    private final FrameworkService frameworks;
    private final PersonDirectory persons;
    private final MasteryService mastery;
    private final Clock clock;
    private final vn.binhdan.assessment.ExamService exams;
    private final vn.binhdan.learning.LearningService learning;

    public PlacementService(PathRepository repo, QuestionBank bank, FrameworkService frameworks,
                            PersonDirectory persons, MasteryService mastery, Clock clock, vn.binhdan.assessment.ExamService exams,
                            vn.binhdan.learning.LearningService learning) {
        this.exams = exams;
        this.learning = learning;
        this.repo = repo;
        this.bank = bank;
        this.frameworks = frameworks;
        this.persons = persons;
        this.mastery = mastery;
        this.clock = clock;
    }

    /** A check as its learner sees it; {@code question} is null once it is over. */
    public record Placement(long id, TargetGroup targetGroup, String frameworkVersion, boolean finished, int asked,
                            int cap, PlacementQuestion question, List<MasteryService.CompetencyMastery> estimates) {
    }

    /** A question without its answer. */
    public record PlacementQuestion(String code, String competency, String competencyTitle, QuestionType type,
                                    String prompt, List<String> options) {
    }

    /** Starts a check, or returns the unfinished one so that a dropped connection loses nothing. */
    @Transactional
    public Placement start(TargetGroup requested) {
        long personId = MasteryService.learner();
        notDuringAnExam(personId);
        Set<TargetGroup> groups = persons.groupsOf(personId);
        Optional<Long> latest = repo.latestCheck(personId);
        if (latest.isPresent()) {
            PathRepository.CheckRow open = repo.check(latest.get()).orElseThrow();
            if (open.finishedAt() == null && (requested == null || requested.name().equals(open.targetGroup()))) {
                return view(open);
            }
            if (open.finishedAt() == null) {
                repo.finish(open.id(), clock.instant());
            }
        }
        TargetGroup group = requested != null ? requested : groups.stream().min(Enum::compareTo)
                .orElseThrow(() -> new BusinessException("path.noGroup"));
        if (!groups.contains(group)) {
            // the group's name in the reader's language, not its code
            throw new BusinessException("path.notYourGroup",
                    new org.springframework.context.support.DefaultMessageSourceResolvable("group." + group.name()));
        }
        Framework framework = frameworkFor(group);
        Bank b = bank(framework, group);
        if (b.items().isEmpty()) {
            throw new BusinessException("path.noQuestions");
        }
        long id = repo.createCheck(personId, group.name(), framework.version(), clock.instant());
        Map<String, PlacementModel.Estimate> est = PlacementModel.estimate(b.competencies(), areaOf(framework), List.of());
        PlacementModel.next(b.items().values(), Set.of(), est, 0, CAP)
                .ifPresent(q -> repo.setPending(id, q.code()));
        return view(repo.check(id).orElseThrow());
    }

    public Placement get(long id) {
        PathRepository.CheckRow check = mine(id);
        notDuringAnExam(check.personId());
        return view(check);
    }

    /**
     * The check asks the exam's own bank: while an exam runs, its questions are not shown
     * elsewhere, even without their answers.
     */
    private void notDuringAnExam(long personId) {
        if (exams.inExam(personId)) {
            throw new BusinessException("path.duringExam");
        }
    }

    public Optional<Placement> latest() {
        return repo.latestCheck(MasteryService.learner()).flatMap(repo::check).map(this::view);
    }

    /**
     * Grades the answer to the question waiting in the check and chooses the next one. The
     * question code guards against an answer sent twice or meant for an earlier question.
     */
    @Transactional
    public Placement answer(long id, String questionCode, List<Integer> chosen) {
        PathRepository.CheckRow check = mine(id);
        notDuringAnExam(check.personId());
        repo.lock(id);
        check = repo.check(id).orElseThrow();
        if (check.finishedAt() != null || check.pending() == null) {
            throw new ConflictException("path.checkOver");
        }
        if (questionCode != null && !questionCode.equals(check.pending())) {
            throw new ConflictException("path.notPending");
        }
        Framework framework = frameworks.get(check.frameworkVersion());
        Bank b = bank(framework, TargetGroup.valueOf(check.targetGroup()));
        PlacementModel.Item item = b.items().get(check.pending());
        boolean right = bank.isRight(check.pending(), chosen == null ? List.of() : chosen);
        List<PathRepository.AnswerRow> answers = repo.answers(id);
        Instant now = clock.instant();
        repo.addAnswer(id, answers.size() + 1, check.pending(), item.competency(), item.difficulty(), right, now);

        List<PlacementModel.Response> responses = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (PathRepository.AnswerRow a : repo.answers(id)) {
            responses.add(new PlacementModel.Response(a.competency(), a.logit(), a.correct()));
            used.add(a.questionCode());
        }
        Map<String, PlacementModel.Estimate> est = PlacementModel.estimate(b.competencies(), areaOf(framework),
                responses);
        // the check refines what the lessons showed, it does not start the learner again from nothing:
        // each lesson completed for a competency counts as it does when it is completed (MasteryService)
        Map<String, Integer> lessons = lessonsDone(framework.version());
        for (PlacementModel.Estimate e : est.values()) {
            PlacementModel.Estimate withLessons = e;
            for (int i = 0; i < lessons.getOrDefault(e.competency(), 0) * MasteryService.LESSON_WEIGHT; i++) {
                withLessons = PlacementModel.update(e.competency(), withLessons.ability(), withLessons.spread(),
                        withLessons.answered(), PlacementModel.CUT, true);
            }
            repo.saveMastery(check.personId(), framework.version(), withLessons, "PLACEMENT", now);
        }
        Optional<PlacementModel.Item> next = PlacementModel.next(b.items().values(), used, est, responses.size(), CAP);
        if (next.isPresent()) {
            repo.setPending(id, next.get().code());
        } else {
            repo.finish(id, now);
        }
        return view(repo.check(id).orElseThrow());
    }

    /**
     * Lessons the signed-in learner completed per competency code. A course written against an
     * earlier edition of the framework still teaches the competency of the same code (the path
     * page merges editions the same way), so every edition counts.
     */
    private Map<String, Integer> lessonsDone(String frameworkVersion) {
        Map<String, Integer> out = new java.util.HashMap<>();
        for (vn.binhdan.learning.CourseProgress p : learning.myCourses()) {
            for (vn.binhdan.learning.CourseProgress.CompetencyProgress c : p.byCompetency().values()) {
                if (c.done() > 0) {
                    out.merge(c.code(), c.done(), Integer::sum);
                }
            }
        }
        return out;
    }

    private PathRepository.CheckRow mine(long id) {
        long personId = MasteryService.learner();
        // another learner's check is as absent as one that never existed
        return repo.check(id).filter(c -> c.personId() == personId)
                .orElseThrow(() -> new NotFoundException("path.checkNotFound", id));
    }

    private Placement view(PathRepository.CheckRow c) {
        Framework framework = frameworks.get(c.frameworkVersion());
        PlacementQuestion q = null;
        if (c.pending() != null) {
            Bank b = bank(framework, TargetGroup.valueOf(c.targetGroup()));
            OpenQuestion open = b.questions().get(c.pending());
            if (open != null) {
                q = new PlacementQuestion(open.code(), open.competency(), framework.competency(open.competency())
                        .map(x -> x.title().text()).orElse(open.competency()), open.type(), open.prompt(),
                        open.options());
            }
        }
        Set<String> inCheck = bank(framework, TargetGroup.valueOf(c.targetGroup())).competencies();
        List<MasteryService.CompetencyMastery> estimates = mastery.of(c.personId(), framework).stream()
                .filter(m -> inCheck.contains(m.competency())).toList();
        return new Placement(c.id(), TargetGroup.valueOf(c.targetGroup()), c.frameworkVersion(),
                c.finishedAt() != null, repo.answers(c.id()).size(), CAP, q, estimates);
    }

    /**
     * The framework version whose questions the check asks: the one with the most questions for
     * the group, the current one on a tie. A newly published version usually has no bank yet,
     * and a check of three questions would say nothing.
     */
    private Framework frameworkFor(TargetGroup group) {
        Framework current = frameworks.current();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (OpenQuestion q : bank.openQuestions(null, group)) {
            counts.merge(q.frameworkVersion(), 1, Integer::sum);
        }
        String best = current.version();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > counts.getOrDefault(best, 0)) {
                best = e.getKey();
            }
        }
        return best.equals(current.version()) ? current : frameworks.find(best).orElse(current);
    }

    private record Bank(Map<String, OpenQuestion> questions, Map<String, PlacementModel.Item> items,
                        Set<String> competencies) {
    }

    private Bank bank(Framework framework, TargetGroup group) {
        Map<String, OpenQuestion> questions = new LinkedHashMap<>();
        Map<String, PlacementModel.Item> items = new LinkedHashMap<>();
        Set<String> competencies = new TreeSet<>(Framework.CODE_ORDER);
        for (OpenQuestion q : bank.openQuestions(framework.version(), group)) {
            if (framework.competency(q.competency()).isEmpty()) {
                continue;
            }
            questions.put(q.code(), q);
            items.put(q.code(), new PlacementModel.Item(q.code(), q.competency(),
                    PlacementModel.difficulty(q.difficulty(), q.timesUsed(), q.timesCorrect())));
            competencies.add(q.competency());
        }
        return new Bank(questions, items, competencies);
    }

    private static Function<String, String> areaOf(Framework framework) {
        Map<String, String> area = new LinkedHashMap<>();
        framework.areas().forEach(a -> a.competencies().forEach(c -> area.put(c.code(), a.code())));
        return c -> area.getOrDefault(c, c);
    }
}

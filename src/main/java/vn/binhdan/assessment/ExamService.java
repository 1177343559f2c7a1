package vn.binhdan.assessment;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.assessment.internal.AttemptRepository;
import vn.binhdan.assessment.internal.AttemptRepository.AttemptRow;
import vn.binhdan.assessment.internal.AttemptRepository.ItemRow;
import vn.binhdan.assessment.internal.FormDraw;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.learning.Course;
import vn.binhdan.learning.CourseService;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.skills.Framework;
import vn.binhdan.skills.FrameworkService;

/**
 * Exam attempts: each draws its own form, runs against a server-side deadline, saves answers
 * one item at a time and is graded once. The learner addresses items by their position in the
 * attempt, never by question id, and sees no answer before or after grading.
 */
@Service
public class ExamService {

    private static final Logger log = LoggerFactory.getLogger(ExamService.class);
    /** Attempts allowed per target group are counted over this window. */
    static final Duration ATTEMPT_WINDOW = Duration.ofDays(30);
    /** Answers sent in the last seconds before the deadline may arrive just after it. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private final AttemptRepository attempts;
    private final Blueprints blueprints;
    private final PersonDirectory persons;
    private final FrameworkService frameworks;
    private final CourseService courses;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final List<QuestionsMetElsewhere> metElsewhere;
    /** What an autosave checks, per open attempt: immutable once drawn, so safe to keep per instance. */
    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();

    public ExamService(AttemptRepository attempts, Blueprints blueprints, PersonDirectory persons,
                       FrameworkService frameworks, CourseService courses, AuditLog audit,
                       ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
                       List<QuestionsMetElsewhere> metElsewhere) {
        this.metElsewhere = metElsewhere;
        this.attempts = attempts;
        this.blueprints = blueprints;
        this.persons = persons;
        this.frameworks = frameworks;
        this.courses = courses;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Questions this person met before: in earlier attempts and wherever else the bank is asked. */
    private java.util.Set<Long> seen(long personId) {
        java.util.Set<Long> seen = attempts.seenQuestions(personId);
        java.util.Set<String> codes = new java.util.HashSet<>();
        metElsewhere.forEach(m -> codes.addAll(m.questionCodes(personId)));
        if (!codes.isEmpty()) {
            seen.addAll(attempts.questionIds(codes));
        }
        return seen;
    }

    /** {@code open}: the attempt was running when this was read (a cached shape always is). */
    private record Shape(long personId, boolean open, Instant deadline, Map<Integer, ItemShape> items) {
    }

    private record ItemShape(QuestionType type, int optionCount) {
    }

    private static long learner() {
        AppUser user = CurrentUser.require();
        if (user.personId() == null) {
            throw new BusinessException("learning.noPerson");
        }
        return user.personId();
    }

    /** Whether the person is taking an exam right now: helpers such as the assistant stay silent meanwhile. */
    @Transactional(readOnly = true)
    public boolean inExam(long personId) {
        return attempts.hasOpenAttempt(personId, clock.instant());
    }

    /** The exams open to the signed-in person, one per target group they belong to. */
    @Transactional(readOnly = true)
    public List<ExamOption> myExams() {
        long personId = learner();
        List<AttemptRow> mine = attempts.ofPerson(personId);
        List<ExamOption> out = new ArrayList<>();
        for (TargetGroup group : persons.groupsOf(personId)) {
            Optional<Blueprints.WithSupply> bp = blueprints.findWithSupply(group);
            if (bp.isEmpty()) {
                continue;
            }
            out.add(option(bp.get(), mine.stream().filter(a -> a.targetGroup() == group).toList()));
        }
        return out;
    }

    private ExamOption option(Blueprints.WithSupply supply, List<AttemptRow> ofGroup) {
        Blueprint b = supply.blueprint();
        Instant now = clock.instant();
        Instant windowStart = now.minus(ATTEMPT_WINDOW);
        int used = (int) ofGroup.stream().filter(a -> a.startedAt().isAfter(windowStart)).count();
        String active = ofGroup.stream().filter(AttemptRow::active).map(AttemptRow::id).findFirst().orElse(null);
        String passed = ofGroup.stream().filter(a -> Boolean.TRUE.equals(a.passed())).map(AttemptRow::id).findFirst()
                .orElse(null);
        Instant next = null;
        Optional<AttemptRow> lastFailed = ofGroup.stream().filter(a -> Boolean.FALSE.equals(a.passed())).findFirst();
        if (lastFailed.isPresent() && lastFailed.get().finishedAt() != null) {
            Instant after = lastFailed.get().finishedAt().plus(Duration.ofHours(b.waitHours()));
            if (after.isAfter(now)) {
                next = after;
            }
        }
        if (used >= b.maxAttempts()) {
            Instant oldest = ofGroup.stream().map(AttemptRow::startedAt).filter(t -> t.isAfter(windowStart))
                    .min(Instant::compareTo).orElse(now);
            Instant freed = oldest.plus(ATTEMPT_WINDOW);
            next = next == null || freed.isAfter(next) ? freed : next;
        }
        return new ExamOption(b.targetGroup(), b.questionCount(), b.timeLimitMinutes(), b.passPercent(),
                b.maxAttempts(), used, next, active, passed, supply.servable());
    }

    /**
     * Starts an attempt for one of the person's target groups. Refused while another attempt is
     * running, after a pass, when the attempts are used up or the wait has not passed.
     */
    public ExamForm start(TargetGroup group, String clientIp, String device) {
        long personId = learner();
        closeOverdueOf(personId);
        String id = tx.execute(s -> {
            if (!persons.groupsOf(personId).contains(group)) {
                throw new BusinessException("exam.notYourGroup");
            }
            Blueprints.WithSupply supply = blueprints.findWithSupply(group)
                    .orElseThrow(() -> new NotFoundException("blueprint.notFound", group.name()));
            List<AttemptRow> ofGroup = attempts.ofPerson(personId);
            Optional<AttemptRow> running = ofGroup.stream().filter(AttemptRow::active).findFirst();
            if (running.isPresent()) {
                throw new ConflictException("exam.alreadyActive", running.get().id());
            }
            ExamOption option = option(supply, ofGroup.stream().filter(a -> a.targetGroup() == group).toList());
            if (option.passedAttemptId() != null) {
                throw new ConflictException("exam.alreadyPassed");
            }
            if (option.nextAllowedAt() != null) {
                throw new ConflictException(option.attemptsUsed() >= option.attemptsAllowed()
                        ? "exam.noAttemptsLeft" : "exam.wait", java.util.Date.from(option.nextAllowedAt()));
            }
            Blueprint b = supply.blueprint();
            List<FormDraw.Drawn> form;
            try {
                form = FormDraw.draw(b, attempts.candidates(b.frameworkVersion(), group), seen(personId), random);
            } catch (FormDraw.ShortOfQuestions e) {
                log.warn("Exam of {} cannot be drawn: {}", group, e.getMessage());
                throw new BusinessException("exam.bankTooSmall");
            }
            Instant now = clock.instant();
            AttemptRow row = new AttemptRow(UUID.randomUUID().toString(), personId, group, b.frameworkVersion(), true,
                    now, now.plus(Duration.ofMinutes(b.timeLimitMinutes())), b.passPercent(), form.size(), null,
                    null, null, null, null);
            try {
                attempts.insert(row, unitPathOf(personId), clientIp, device, form);
            } catch (DuplicateKeyException e) {
                // a second start raced this one: the unique active-attempt key refused it
                throw new ConflictException("exam.alreadyActive", "");
            }
            // what the autosaves check is known now: a first save must not read the whole form
            // back (10,000 takers starting together made those reads the bottleneck)
            Map<Integer, ItemShape> items = new LinkedHashMap<>();
            for (int i = 0; i < form.size(); i++) {
                items.put(i + 1, new ItemShape(form.get(i).question().type(), form.get(i).optionOrder().length));
            }
            remember(row.id(), new Shape(personId, true, row.deadline(), Map.copyOf(items)));
            audit.record("CREATE", "exam_attempt", row.id(), unitPathOf(personId), group.name());
            return row.id();
        });
        return form(id);
    }

    /** The attempt as its learner sees it; an attempt past its deadline is graded first. */
    public ExamForm form(String attemptId) {
        AttemptRow a = own(attemptId);
        if (a.active() && overdue(a)) {
            gradeAsSystem(attemptId, "TIMED_OUT");
            a = own(attemptId);
        }
        Map<Integer, Map<Integer, String>> pictures = attempts.pictures(attemptId);
        List<ExamForm.Item> items = attempts.items(attemptId).stream()
                .map(i -> new ExamForm.Item(i.position(), i.type(), i.prompt(), shown(i), i.choice(),
                        shownPictures(i, pictures.get(i.position()))))
                .toList();
        long left = a.active() ? Math.max(0, Duration.between(clock.instant(), a.deadline()).toSeconds()) : 0;
        return new ExamForm(a.id(), a.targetGroup(), a.active(), a.startedAt(), a.deadline(), left, a.passPercent(),
                items);
    }

    private static List<String> shownPictures(ItemRow i, Map<Integer, String> byOption) {
        if (byOption == null || byOption.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(i.optionOrder().length);
        for (int original : i.optionOrder()) {
            String sha = byOption.get(original);
            out.add(sha == null ? null : "/media/questions/" + sha);
        }
        return out;
    }

    private static List<String> shown(ItemRow i) {
        List<String> out = new ArrayList<>(i.optionOrder().length);
        for (int original : i.optionOrder()) {
            out.add(i.options().get(original));
        }
        return out;
    }

    /** What an autosave answers: when it was saved and how long is left. */
    public record Saved(int position, Instant savedAt, long secondsLeft) {
    }

    /**
     * Saves one answer. {@code choice} holds shown option positions (0-based); empty clears the
     * item. Refused when the attempt is graded or its time is up.
     */
    public Saved save(String attemptId, int position, List<Integer> choice) {
        long personId = learner();
        Shape shape = shape(attemptId, personId);
        ItemShape item = shape.items().get(position);
        if (item == null) {
            throw new BusinessException("exam.itemNotInForm", position);
        }
        List<Integer> clean = validChoice(item, choice);
        Instant now = clock.instant();
        if (!attempts.saveIfOpen(attemptId, position, clean, now, now.minus(GRACE))) {
            throw refusal(attemptId);
        }
        return new Saved(position, now, Math.max(0, Duration.between(now, shape.deadline()).toSeconds()));
    }

    /** Saves several answers at once (the form posted without JavaScript), all or none. */
    public void saveAll(String attemptId, Map<Integer, List<Integer>> choices) {
        long personId = learner();
        Shape shape = shape(attemptId, personId);
        Map<Integer, List<Integer>> clean = new TreeMap<>();
        choices.forEach((position, choice) -> {
            ItemShape item = shape.items().get(position);
            if (item == null) {
                throw new BusinessException("exam.itemNotInForm", position);
            }
            clean.put(position, validChoice(item, choice));
        });
        Instant now = clock.instant();
        Boolean saved = tx.execute(s -> {
            for (Map.Entry<Integer, List<Integer>> e : clean.entrySet()) {
                if (!attempts.saveIfOpen(attemptId, e.getKey(), e.getValue(), now, now.minus(GRACE))) {
                    s.setRollbackOnly();
                    return false;
                }
            }
            return true;
        });
        if (!Boolean.TRUE.equals(saved)) {
            throw refusal(attemptId);
        }
    }

    private BusinessException refusal(String attemptId) {
        AttemptRow a = attempts.find(attemptId).orElse(null);
        if (a == null) {
            shapes.remove(attemptId);
            return new NotFoundException("exam.notFound");
        }
        if (!a.active()) {
            return new ConflictException("exam.alreadyGraded");
        }
        return new ConflictException("exam.timeUp");
    }

    private Shape shape(String attemptId, long personId) {
        Shape shape = shapes.get(attemptId);
        if (shape == null) {
            AttemptRow a = attempts.find(attemptId).orElseThrow(() -> new NotFoundException("exam.notFound"));
            Map<Integer, ItemShape> items = new LinkedHashMap<>();
            attempts.items(attemptId).forEach(i -> items.put(i.position(),
                    new ItemShape(i.type(), i.optionOrder().length)));
            shape = new Shape(a.personId(), a.active(), a.deadline(), Map.copyOf(items));
            if (a.active()) {
                remember(attemptId, shape);
            }
        }
        if (shape.personId() != personId) {
            throw new NotFoundException("exam.notFound");
        }
        if (!shape.open()) {
            // a graded attempt refuses every answer, whatever the answer looks like
            throw refusal(attemptId);
        }
        return shape;
    }

    private void remember(String attemptId, Shape shape) {
        if (shapes.size() > 100_000) {
            shapes.clear();
        }
        shapes.put(attemptId, shape);
    }

    static List<Integer> validChoice(ItemShape item, List<Integer> choice) {
        List<Integer> c = choice == null ? List.of() : List.copyOf(choice);
        if (c.isEmpty()) {
            return c;
        }
        if (c.stream().anyMatch(i -> i == null || i < 0 || i >= item.optionCount())
                || new HashSet<>(c).size() != c.size()) {
            throw new BusinessException("exam.badChoice", item.optionCount());
        }
        switch (item.type()) {
            case SINGLE, TRUE_FALSE, PICK_SAFE -> {
                if (c.size() != 1) {
                    throw new BusinessException("exam.chooseOne");
                }
            }
            case ORDERING -> {
                if (c.size() != item.optionCount()) {
                    throw new BusinessException("exam.orderAll", item.optionCount());
                }
            }
            case MULTIPLE -> {
            }
        }
        return item.type() == QuestionType.ORDERING ? c : c.stream().sorted().toList();
    }

    /**
     * Grades the attempt. A second submit is refused and changes nothing: the score, the
     * statistics and the pass event count once.
     */
    public ExamResult submit(String attemptId) {
        AttemptRow a = own(attemptId);
        if (!a.active()) {
            throw new ConflictException("exam.alreadyGraded");
        }
        grade(attemptId, overdue(a) ? "TIMED_OUT" : "SUBMITTED");
        return result(attemptId);
    }

    @Transactional(readOnly = true)
    public ExamResult result(String attemptId) {
        AttemptRow a = own(attemptId);
        if (a.active()) {
            throw new ConflictException("exam.notGraded");
        }
        List<ItemRow> items = attempts.items(attemptId);
        Framework framework = frameworks.find(a.frameworkVersion()).orElse(frameworks.current());
        Map<String, int[]> byCompetency = new TreeMap<>(Framework.CODE_ORDER);
        for (ItemRow i : items) {
            int[] n = byCompetency.computeIfAbsent(i.competency(), c -> new int[2]);
            n[1]++;
            if (Boolean.TRUE.equals(i.correct())) {
                n[0]++;
            }
        }
        List<ExamResult.CompetencyResult> competencies = new ArrayList<>();
        Set<String> weak = new HashSet<>();
        byCompetency.forEach((code, n) -> {
            boolean mastered = n[0] * 100 >= a.passPercent() * n[1];
            if (!mastered) {
                weak.add(code);
            }
            String title = framework.competency(code).map(c -> c.title().text()).orElse(code);
            competencies.add(new ExamResult.CompetencyResult(code, title, n[0], n[1], mastered));
        });
        return new ExamResult(a.id(), a.targetGroup(), a.correctCount(), a.questionCount(), a.scorePercent(),
                a.passPercent(), a.passed(), a.finishedHow(), a.finishedAt(), competencies,
                review(weak, a.targetGroup()));
    }

    /** Lessons of the published courses for the group that teach the competencies not mastered. */
    private List<ExamResult.ReviewLesson> review(Set<String> weak, TargetGroup group) {
        List<ExamResult.ReviewLesson> out = new ArrayList<>();
        if (weak.isEmpty()) {
            return out;
        }
        Set<String> covered = new HashSet<>();
        for (Course course : courses.catalogue()) {
            if (!course.targetGroups().contains(group)) {
                continue;
            }
            for (Course.LessonRef lesson : course.lessons()) {
                lesson.competencies().stream().filter(weak::contains).findFirst().ifPresent(c -> {
                    if (covered.add(course.code() + "/" + lesson.code())) {
                        out.add(new ExamResult.ReviewLesson(course.code(), lesson.code(), lesson.title().text(), c));
                    }
                });
            }
        }
        return out;
    }

    private String unitPathOf(long personId) {
        return persons.find(personId).map(PersonDirectory.PersonRef::residenceUnitPath).orElse("/");
    }

    private AttemptRow own(String attemptId) {
        long personId = learner();
        return attempts.find(attemptId).filter(a -> a.personId() == personId)
                .orElseThrow(() -> new NotFoundException("exam.notFound"));
    }

    private boolean overdue(AttemptRow a) {
        return clock.instant().isAfter(a.deadline().plus(GRACE));
    }

    private void closeOverdueOf(long personId) {
        attempts.ofPerson(personId).stream().filter(a -> a.active() && overdue(a))
                .forEach(a -> gradeAsSystem(a.id(), "TIMED_OUT"));
    }

    private void gradeAsSystem(String attemptId, String how) {
        SystemUser.run(SystemUser.SYSTEM, () -> grade(attemptId, how));
    }

    /** Grades under the attempt's row lock; a concurrent second grading finds it done and does nothing. */
    private void grade(String attemptId, String how) {
        tx.executeWithoutResult(s -> {
            AttemptRow a = attempts.lock(attemptId).orElseThrow(() -> new NotFoundException("exam.notFound"));
            if (!a.active()) {
                throw new ConflictException("exam.alreadyGraded");
            }
            attempts.lockItems(attemptId);
            List<ItemRow> items = attempts.items(attemptId);
            boolean[] correct = new boolean[items.size()];
            int right = 0;
            for (int i = 0; i < items.size(); i++) {
                correct[i] = isCorrect(items.get(i));
                if (correct[i]) {
                    right++;
                }
            }
            int percent = items.isEmpty() ? 0 : (int) Math.round(right * 100.0 / items.size());
            boolean passed = percent >= a.passPercent();
            Instant now = clock.instant();
            attempts.markItems(attemptId, items, correct);
            attempts.countUsage(items, correct);
            attempts.finish(attemptId, now, how, right, percent, passed);
            audit.record("GRADE", "exam_attempt", attemptId, unitPathOf(a.personId()), how + " " + percent + "%");
            if (passed) {
                events.publishEvent(new AttemptPassed("attempt-passed:" + attemptId, attemptId, a.personId(),
                        a.targetGroup(), a.frameworkVersion(), percent, now));
            }
        });
        shapes.remove(attemptId);
    }

    static boolean isCorrect(ItemRow item) {
        if (item.choice().isEmpty()) {
            return false;
        }
        List<Integer> original = new ArrayList<>(item.choice().size());
        for (int shown : item.choice()) {
            original.add(item.optionOrder()[shown]);
        }
        if (item.type() == QuestionType.ORDERING) {
            return original.equals(item.answer());
        }
        return new HashSet<>(original).equals(new HashSet<>(item.answer()));
    }

    /** Grades attempts whose deadline passed without a submit, so their results and passes are not left hanging. */
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    public void closeOverdue() {
        for (String id : attempts.overdue(clock.instant().minus(GRACE), 500)) {
            try {
                gradeAsSystem(id, "TIMED_OUT");
            } catch (ConflictException alreadyDone) {
                // graded by its learner in the meantime
            }
        }
    }
}

package vn.binhdan.learning;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.learning.internal.ProgressRepository;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.skills.Framework;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitService;

/**
 * A learner's side of the courses: enrolment, opening lessons, completing them by reading to
 * the end or by answering their checks, and progress. Every completion is recorded once, as a
 * learning statement and as an event for monitoring.
 */
@Service
@Transactional(readOnly = true)
public class LearningService {

    /** Officers who may enrol the people of their unit. */
    public static final List<Role> ENROLLERS = List.of(Role.COMMUNE_OFFICER, Role.AGENCY_OFFICER, Role.PROVINCE_ADMIN,
            Role.SYSTEM_ADMIN);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VERBS = "http://adlnet.gov/expapi/verbs/";

    private final CourseService courses;
    private final ProgressRepository progress;
    private final PersonDirectory persons;
    private final UnitService units;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<LessonCredits> credits;

    public LearningService(CourseService courses, ProgressRepository progress, PersonDirectory persons,
                           UnitService units, AuditLog audit, ApplicationEventPublisher events, Clock clock,
                           List<LessonCredits> credits) {
        this.courses = courses;
        this.progress = progress;
        this.persons = persons;
        this.units = units;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.credits = credits;
    }

    private static long learner() {
        AppUser user = CurrentUser.require();
        if (user.personId() == null) {
            throw new BusinessException("learning.noPerson");
        }
        return user.personId();
    }

    public Optional<Enrolment> myEnrolment(Course course) {
        return CurrentUser.find().map(AppUser::personId).flatMap(id -> progress.enrolment(id, course.id()));
    }

    /** Whether the signed-in person's target groups are among the course's. */
    public boolean isForMe(Course course) {
        return CurrentUser.find().map(AppUser::personId).map(id -> course.isFor(persons.groupsOf(id))).orElse(false);
    }

    @Transactional
    public Enrolment enrolSelf(String courseCode) {
        long personId = learner();
        Course course = courses.get(courseCode);
        if (!course.published()) {
            throw new BusinessException("learning.notPublished", course.code());
        }
        if (!course.isFor(persons.groupsOf(personId))) {
            throw new BusinessException("learning.notForYourGroup", course.title().text());
        }
        enrol(List.of(personId), course, "SELF");
        return progress.enrolment(personId, course.id()).orElseThrow();
    }

    /** How many persons were newly enrolled, and how many were already. */
    public record EnrolResult(int added, int already) {
    }

    /**
     * Enrols a whole target group of a unit's subtree. A group the course is not meant for is
     * refused unless the officer overrides it.
     */
    @Transactional
    public EnrolResult enrolGroup(String courseCode, long unitId, TargetGroup group, boolean override) {
        AppUser user = CurrentUser.require();
        Unit unit = units.get(unitId);
        if (!user.canActOn(unit.path(), ENROLLERS)) {
            throw new ForbiddenException("learning.enrolForbidden");
        }
        Course course = publishedCourse(courseCode);
        boolean outside = !course.targetGroups().contains(group);
        if (outside && !override) {
            throw new BusinessException("learning.groupNotForCourse", course.code(), group.name());
        }
        List<Long> ids = persons.idsInGroup(unit.path(), group);
        int added = enrol(ids, course, outside ? "OVERRIDE" : "OFFICER");
        audit.record("ENROL", "course", course.code(), unit.path(),
                "unit=" + unit.code() + " group=" + group + " added=" + added + (outside ? " override" : ""));
        return new EnrolResult(added, ids.size() - added);
    }

    /** Enrols one person; outside the course's groups only with an officer's override. */
    @Transactional
    public Enrolment enrolPerson(String courseCode, long personId, boolean override) {
        AppUser user = CurrentUser.require();
        PersonDirectory.PersonRef person = persons.find(personId)
                .orElseThrow(() -> new NotFoundException("person.notFound", personId));
        if (!user.canActOn(person.residenceUnitPath(), ENROLLERS)) {
            throw new ForbiddenException("learning.enrolForbidden");
        }
        Course course = publishedCourse(courseCode);
        boolean outside = !course.isFor(persons.groupsOf(personId));
        if (outside && !override) {
            throw new BusinessException("learning.personNotForCourse", course.code());
        }
        enrol(List.of(personId), course, outside ? "OVERRIDE" : "OFFICER");
        audit.record("ENROL", "person", Long.toString(personId), person.residenceUnitPath(),
                "course=" + course.code() + (outside ? " override" : ""));
        return progress.enrolment(personId, course.id()).orElseThrow();
    }

    private Course publishedCourse(String code) {
        Course course = courses.get(code);
        if (!course.published()) {
            throw new BusinessException("learning.notPublished", course.code());
        }
        return course;
    }

    private int enrol(List<Long> personIds, Course course, String source) {
        Instant now = clock.instant();
        int added = progress.enrol(personIds, course.id(), CurrentUser.require().username(), source, now);
        if (added > 0 && personIds.size() == 1) {
            statement(personIds.getFirst(), "registered", "course", course.id(), course.id(), course.code(), null,
                    null, now);
        }
        return added;
    }

    /**
     * A lesson as a learner opens it. {@code progress} is null when the reader's progress is not
     * kept (no person behind the account, or a course for another target group: read, not studied);
     * {@code inCourseOrder} is the lesson the course's order puts first when this one was looked up
     * ahead of it (from search, the assistant or a link); {@code enrolledNow} when this visit enrolled.
     */
    public record LessonVisit(Course course, Lesson lesson, CourseProgress progress, Course.LessonRef previous,
                              Course.LessonRef next, Course.LessonRef inCourseOrder, boolean enrolledNow) {
    }

    /**
     * Opens a lesson for the signed-in reader. A lesson found by search or the assistant must be
     * readable: a person not yet enrolled in a course meant for them is enrolled on this first
     * open; one the course is not meant for reads it without progress; in-order unlocking guides
     * the course's "next lesson", it does not hide a lesson someone looked up.
     */
    @Transactional
    public LessonVisit open(String courseCode, String lessonCode) {
        AppUser user = CurrentUser.require();
        if (user.personId() == null) {
            return reading(courses.get(courseCode), lessonCode);
        }
        long personId = user.personId();
        // one read for the course's edit stamp and the learner's place in it: a lesson view is the hottest page
        ProgressRepository.CourseState cs = progress.courseState(courseCode, personId)
                .orElseThrow(() -> new NotFoundException("course.notFound", courseCode));
        Course course = courses.get(courseCode, cs.courseId(), cs.courseUpdatedAt());
        if (cs.state().isPresent()) {
            return open(course, lessonCode, cs.state().get(), false);
        }
        course.lesson(lessonCode).orElseThrow(() -> new NotFoundException("lesson.notFound", lessonCode));
        if (!course.published() || !course.isFor(persons.groupsOf(personId))) {
            return reading(course, lessonCode);
        }
        enrol(List.of(personId), course, "SELF");
        ProgressRepository.State state = progress.courseState(courseCode, personId).flatMap(ProgressRepository.CourseState::state)
                .orElseThrow();
        return open(course, lessonCode, state, true);
    }

    private LessonVisit reading(Course course, String lessonCode) {
        Course.LessonRef ref = course.lesson(lessonCode)
                .orElseThrow(() -> new NotFoundException("lesson.notFound", lessonCode));
        List<Course.LessonRef> all = course.lessons();
        int i = all.indexOf(ref);
        return new LessonVisit(course, courses.lesson(course, lessonCode), null, i > 0 ? all.get(i - 1) : null,
                i + 1 < all.size() ? all.get(i + 1) : null, null, false);
    }

    private LessonVisit open(Course course, String lessonCode, ProgressRepository.State state, boolean enrolledNow) {
        long personId = learner();
        Enrolment enrolment = state.enrolment();
        Course.LessonRef ref = course.lesson(lessonCode)
                .orElseThrow(() -> new NotFoundException("lesson.notFound", lessonCode));
        Set<Long> done = state.completed();
        CourseProgress before = progress(course, enrolment, done);
        Course.LessonRef inOrder = before.isLocked(ref) && !previousCredited(personId, course, ref) ? before.next() : null;
        Instant now = clock.instant();
        // a lesson view is the hottest write of the platform: one statement when the lesson was seen before
        if (state.opened().contains(ref.id())) {
            progress.seen(personId, course.id(), ref.id(), now);
        } else if (progress.opened(personId, course.id(), ref.id(), now)) {
            statement(personId, "experienced", "lesson", ref.id(), course.id(), course.code() + "/" + ref.code(),
                    null, null, now);
        }
        Lesson lesson = courses.lesson(course, lessonCode);
        Enrolment seen = new Enrolment(enrolment.personId(), enrolment.courseId(), enrolment.enrolledAt(),
                enrolment.enrolledBy(), enrolment.source(), ref.id(), now, enrolment.completedAt());
        List<Course.LessonRef> all = course.lessons();
        int i = all.indexOf(ref);
        return new LessonVisit(course, lesson, progress(course, seen, done), i > 0 ? all.get(i - 1) : null,
                i + 1 < all.size() ? all.get(i + 1) : null, inOrder, enrolledNow);
    }

    /** The visit of a reader whose progress is kept; a reader of another group's course is told why not. */
    private LessonVisit studied(String courseCode, String lessonCode) {
        LessonVisit visit = open(courseCode, lessonCode);
        if (visit.progress() == null) {
            throw new BusinessException("learning.notForYourGroupReading", visit.course().title().text());
        }
        return visit;
    }

    /** Asked only for a locked lesson, so the lesson view's usual path costs nothing more. */
    private boolean previousCredited(long personId, Course course, Course.LessonRef ref) {
        List<Course.LessonRef> all = course.lessons();
        int i = all.indexOf(ref);
        if (i <= 0) {
            return false;
        }
        long previous = all.get(i - 1).id();
        return credits.stream().anyMatch(c -> c.credited(personId, course).contains(previous));
    }

    /** Reaching the end of a lesson without check questions completes it. */
    @Transactional
    public CourseProgress completeByReading(String courseCode, String lessonCode) {
        long personId = learner();
        LessonVisit visit = studied(courseCode, lessonCode);
        if (!visit.lesson().checks().isEmpty()) {
            throw new BusinessException("learning.answerChecksFirst");
        }
        complete(personId, visit.course(), visit.lesson(), "READ", null);
        return progress(courseCode);
    }

    /** Grades the answers (option indexes per question); all right completes the lesson. */
    @Transactional
    public CheckResult answer(String courseCode, String lessonCode, List<Set<Integer>> answers) {
        long personId = learner();
        LessonVisit visit = studied(courseCode, lessonCode);
        List<Check> checks = visit.lesson().checks();
        if (checks.isEmpty()) {
            throw new BusinessException("learning.noChecks");
        }
        List<CheckResult.Item> items = new ArrayList<>();
        int right = 0;
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            Set<Integer> chosen = i < answers.size() && answers.get(i) != null ? answers.get(i) : Set.of();
            boolean ok = chosen.equals(new HashSet<>(c.correct()));
            if (ok) {
                right++;
            }
            items.add(new CheckResult.Item(i, ok, chosen.stream().sorted().toList(), c.correct(), c.explanation()));
        }
        int score = right * 100 / checks.size();
        Instant now = clock.instant();
        progress.attempt(personId, visit.lesson().id(), score);
        statement(personId, "answered", "lesson", visit.lesson().id(), visit.course().id(),
                courseCode + "/" + lessonCode, score, UUID.randomUUID().toString(), now);
        boolean completed = false;
        if (right == checks.size()) {
            completed = complete(personId, visit.course(), visit.lesson(), "CHECKS", score);
        }
        boolean done = completed || progress.completedLessons(personId, visit.course().id()).contains(visit.lesson().id());
        return new CheckResult(right, checks.size(), done, items);
    }

    private boolean complete(long personId, Course course, Lesson lesson, String by, Integer score) {
        Instant now = clock.instant();
        if (!progress.complete(personId, lesson.id(), by, now)) {
            return false;
        }
        String id = statement(personId, "completed", "lesson", lesson.id(), course.id(),
                course.code() + "/" + lesson.code(), score, null, now);
        events.publishEvent(new LessonCompleted(id, personId, course.id(), course.code(), lesson.id(),
                course.frameworkVersion(), lesson.competencies(), by, now));
        Set<Long> done = progress.completedLessons(personId, course.id());
        if (done.size() >= course.lessons().size() && progress.completeCourse(personId, course.id(), now)) {
            String cid = statement(personId, "completed", "course", course.id(), course.id(), course.code(), null,
                    null, now);
            events.publishEvent(new CourseCompleted(cid, personId, course.id(), course.code(), course.targetGroups(),
                    now));
        }
        return true;
    }

    /** My progress in one course (enrolled or not: then empty). */
    public CourseProgress progress(String courseCode) {
        long personId = learner();
        Course course = courses.get(courseCode);
        Enrolment enrolment = progress.enrolment(personId, course.id())
                .orElseThrow(() -> new BusinessException("learning.notEnrolled", course.code()));
        return progress(course, enrolment, progress.completedLessons(personId, course.id()));
    }

    /** My courses, most recently studied first. */
    public List<CourseProgress> myCourses() {
        Optional<Long> personId = CurrentUser.find().map(AppUser::personId);
        if (personId.isEmpty()) {
            return List.of();
        }
        List<CourseProgress> out = new ArrayList<>();
        for (Enrolment e : progress.enrolments(personId.get())) {
            courses.visible(e.courseId()).ifPresent(course ->
                    out.add(progress(course, e, progress.completedLessons(personId.get(), course.id()))));
        }
        return out;
    }

    /** Where "continue" leads: the most recently studied course that is not finished. */
    public Optional<CourseProgress> continuePoint() {
        return myCourses().stream().filter(p -> !p.completed() && p.next() != null).findFirst();
    }

    public List<HistoryEntry> history(int limit) {
        return progress.history(learner(), Math.min(Math.max(limit, 1), 500));
    }

    private static CourseProgress progress(Course course, Enrolment enrolment, Set<Long> done) {
        List<Course.LessonRef> lessons = course.lessons();
        Course.LessonRef next = null;
        int last = -1;
        for (int i = 0; i < lessons.size(); i++) {
            if (enrolment.lastLessonId() != null && lessons.get(i).id() == enrolment.lastLessonId()) {
                last = i;
            }
        }
        if (last >= 0 && !done.contains(lessons.get(last).id())) {
            next = lessons.get(last);
        } else {
            for (int i = last + 1; i < lessons.size() && next == null; i++) {
                if (!done.contains(lessons.get(i).id())) {
                    next = lessons.get(i);
                }
            }
            for (int i = 0; i < lessons.size() && next == null; i++) {
                if (!done.contains(lessons.get(i).id())) {
                    next = lessons.get(i);
                }
            }
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Course.LessonRef l : lessons) {
            for (String c : l.competencies()) {
                int[] n = counts.computeIfAbsent(c, k -> new int[2]);
                n[1]++;
                if (done.contains(l.id())) {
                    n[0]++;
                }
            }
        }
        Map<String, CourseProgress.CompetencyProgress> byCompetency = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey(Framework.CODE_ORDER))
                .forEach(e -> byCompetency.put(e.getKey(), new CourseProgress.CompetencyProgress(e.getKey(),
                        course.frameworkVersion(), e.getValue()[0], e.getValue()[1])));
        return new CourseProgress(course, enrolment, Set.copyOf(done), next, byCompetency);
    }

    /**
     * Records an xAPI-shaped statement. Registrations, first views and completions get an id
     * derived from what they state, so recording one twice changes nothing.
     */
    private String statement(long personId, String verb, String objectType, long objectId, long courseId,
                             String objectIri, Integer score, String id, Instant at) {
        String statementId = id != null ? id : UUID.nameUUIDFromBytes(
                (personId + "|" + verb + "|" + objectType + "|" + objectId).getBytes(StandardCharsets.UTF_8)).toString();
        ObjectNode s = JSON.createObjectNode();
        s.put("id", statementId);
        ObjectNode actor = s.putObject("actor");
        actor.put("objectType", "Agent");
        actor.putObject("account").put("homePage", "urn:binhdan").put("name", "person:" + personId);
        ObjectNode v = s.putObject("verb");
        v.put("id", VERBS + verb);
        v.putObject("display").put("en-US", verb);
        ObjectNode o = s.putObject("object");
        o.put("objectType", "Activity");
        o.put("id", "urn:binhdan:" + objectType + ":" + objectIri);
        o.putObject("definition").put("type", "http://adlnet.gov/expapi/activities/"
                + ("course".equals(objectType) ? "course" : "lesson"));
        if (score != null || "completed".equals(verb)) {
            ObjectNode r = s.putObject("result");
            if (score != null) {
                r.putObject("score").put("scaled", score / 100.0);
                r.put("success", score == 100);
            }
            if ("completed".equals(verb)) {
                r.put("completion", true);
            }
        }
        s.put("timestamp", at.toString());
        progress.statement(statementId, personId, verb, objectType, objectId, courseId, score, at,
                JSON.writeValueAsString(s));
        return statementId;
    }
}

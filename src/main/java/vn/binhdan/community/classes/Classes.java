package vn.binhdan.community.classes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.community.CommunityEvent.Count;
import vn.binhdan.community.Tally;
import vn.binhdan.community.internal.Access;
import vn.binhdan.community.internal.CommunityProperties;
import vn.binhdan.community.internal.Tokens;
import vn.binhdan.community.internal.UnitChoices;
import vn.binhdan.community.internal.classes.ClassRepository;
import vn.binhdan.community.internal.classes.ClassRepository.ClassRow;
import vn.binhdan.community.internal.classes.ClassRepository.SessionRow;
import vn.binhdan.learning.Course;
import vn.binhdan.learning.CourseService;
import vn.binhdan.learning.Enrolment;
import vn.binhdan.learning.LearningService;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.PersonService;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitType;
import vn.binhdan.unit.Units;
import vn.binhdan.shared.TextLimits;

/**
 * Classes and their attendance. Officers and team members run the classes of their subtree; any
 * learner checks themselves in with the session's code on the session's day. A class counts
 * once towards "classes held", on the day of its first session marked held (a session with
 * someone checked in has taken place, so recording attendance marks it held); each person counts
 * once per session. A cancelled class takes back all it counted. Every change is audited.
 */
@Service
public class Classes {

    static final Set<UnitType> CLASS_UNITS = EnumSet.of(UnitType.COMMUNE, UnitType.WARD, UnitType.SPECIAL_ZONE,
            UnitType.VILLAGE);
    private static final int MAX_SESSIONS = 60;
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ClassRepository repo;
    private final Units units;
    private final PersonDirectory persons;
    private final CourseService courses;
    private final LearningService learning;
    private final Tokens tokens;
    private final CommunityProperties props;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final UnitChoices unitChoices;

    public Classes(ClassRepository repo, Units units, PersonDirectory persons, CourseService courses,
                   LearningService learning, Tokens tokens, CommunityProperties props, AuditLog audit,
                   ApplicationEventPublisher events, Clock clock, UnitChoices unitChoices) {
        this.unitChoices = unitChoices;
        this.repo = repo;
        this.units = units;
        this.persons = persons;
        this.courses = courses;
        this.learning = learning;
        this.tokens = tokens;
        this.props = props;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public String defaultCourse() {
        return props.defaultCourse();
    }

    /** Whether the signed-in user runs classes somewhere (for showing forms and links). */
    public boolean canManage() {
        return CurrentUser.find().map(u -> !u.scopePaths(Access.MANAGERS).isEmpty()).orElse(false);
    }

    /** The communes and villages the user may hold classes in, for the form. */
    public List<Unit> unitChoices() {
        return unitChoices.of(Access.requireManager(), u -> CLASS_UNITS.contains(u.type()));
    }

    // ------------------------------------------------------------------ classes

    @Transactional(readOnly = true)
    public List<CommunityClass> list(Long unitId) {
        AppUser user = Access.requireManager();
        String within = null;
        if (unitId != null) {
            Unit unit = units.find(unitId).orElseThrow(() -> new NotFoundException("unit.notFound", unitId));
            Access.requireManager(user, unit.path());
            within = unit.path();
        }
        return repo.list(user.scopePaths(Access.MANAGERS), within, 200).stream()
                .map(c -> view(c, List.of(), user)).toList();
    }

    @Transactional(readOnly = true)
    public CommunityClass get(long id) {
        AppUser user = CurrentUser.require();
        ClassRow row = managed(id, user);
        return view(row, repo.sessions(id), user);
    }

    @Transactional
    public CommunityClass create(ClassForm form) {
        TextLimits.check(form);
        AppUser user = Access.requireManager();
        if (form == null) {
            throw new BusinessException("classes.titleRequired");
        }
        Unit unit = form.unitId() == null ? null : units.find(form.unitId()).filter(Unit::active).orElse(null);
        if (unit == null) {
            throw new BusinessException("classes.unitRequired");
        }
        Access.requireManager(user, unit.path());
        if (!CLASS_UNITS.contains(unit.type())) {
            throw new BusinessException("classes.unitType", unit.name());
        }
        String title = text(form.title(), 300);
        if (title == null) {
            throw new BusinessException("classes.titleRequired");
        }
        String place = text(form.place(), 300);
        String topics = text(form.topics(), 2000);
        String teacherName = text(form.teacherName(), 200);
        Long teacherId = form.teacherPersonId();
        if (teacherId != null) {
            PersonDirectory.PersonRef teacher = persons.find(teacherId)
                    .orElseThrow(() -> new NotFoundException("person.notFound", teacherId));
            if (!user.canActOn(teacher.residenceUnitPath(), PersonService.READERS)) {
                throw new ForbiddenException("classes.personOutside");
            }
            teacherName = null;
        }
        TargetGroup group = form.targetGroup() == null ? TargetGroup.ADULT : form.targetGroup();
        String courseCode = form.courseCode() == null || form.courseCode().isBlank() ? props.defaultCourse()
                : form.courseCode().strip();
        Course course = publishedCourse(courseCode);
        List<SessionForm> sessions = form.sessions() == null ? List.of() : form.sessions();
        if (sessions.isEmpty()) {
            throw new BusinessException("classes.sessionRequired");
        }
        if (sessions.size() > MAX_SESSIONS) {
            throw new BusinessException("classes.tooManySessions", MAX_SESSIONS);
        }
        sessions.forEach(Classes::validate);
        Instant now = clock.instant();
        long id = repo.insertClass(unit.id(), title, place, teacherId, teacherName, topics, group.name(), course.code(),
                user.username(), now);
        for (SessionForm s : sessions) {
            repo.insertSession(id, s.date(), s.startsAt(), s.endsAt());
        }
        audit.record("CREATE", "class", Long.toString(id), unit.path(),
                title + " (" + sessions.size() + " buổi, " + course.code() + ")");
        return view(repo.find(id).orElseThrow(), repo.sessions(id), user);
    }

    @Transactional
    public ClassSession addSession(long classId, SessionForm form) {
        AppUser user = CurrentUser.require();
        ClassRow row = managed(classId, user);
        open(row);
        validate(form);
        if (repo.sessions(classId).size() >= MAX_SESSIONS) {
            throw new BusinessException("classes.tooManySessions", MAX_SESSIONS);
        }
        long id = repo.insertSession(classId, form.date(), form.startsAt(), form.endsAt());
        audit.record("ADD_SESSION", "class", Long.toString(classId), row.unitPath(), form.date() + " " + form.startsAt());
        return session(repo.session(id).orElseThrow());
    }

    /** Cancelling takes back the class (if it was held) and every attendance of it. */
    @Transactional
    public CommunityClass cancel(long classId) {
        AppUser user = CurrentUser.require();
        managed(classId, user);
        ClassRow row = repo.lock(classId).orElseThrow();
        open(row);
        List<Count> back = new ArrayList<>();
        if (row.countedOn() != null) {
            back.add(new Count(Tally.CLASSES_HELD, row.unitPath(), row.countedOn(), -1));
        }
        repo.attendanceByDay(classId).forEach(d -> back.add(new Count(Tally.CLASS_ATTENDANCES, d.unitPath(), d.day(),
                -d.count())));
        repo.cancel(classId, clock.instant());
        events.publishEvent(new ClassCancelled(classId, back));
        audit.record("CANCEL", "class", Long.toString(classId), row.unitPath(), row.title());
        return view(repo.find(classId).orElseThrow(), repo.sessions(classId), user);
    }

    // ------------------------------------------------------------------ sessions

    @Transactional
    public ClassSession markHeld(long classId, long sessionId) {
        AppUser user = CurrentUser.require();
        managed(classId, user);
        ClassRow row = repo.lock(classId).orElseThrow();
        open(row);
        SessionRow s = sessionOf(row, sessionId);
        if (s.date().isAfter(today())) {
            throw new BusinessException("classes.session.future", DMY.format(s.date()));
        }
        if (held(row, s, user)) {
            audit.record("HELD", "class", Long.toString(classId), row.unitPath(), "session " + s.date());
        }
        return session(repo.session(sessionId).orElseThrow());
    }

    /** The session's check-in code, for the teacher to show; it opens check-in on the session's day only. */
    @Transactional(readOnly = true)
    public CheckInCode code(long classId, long sessionId) {
        AppUser user = CurrentUser.require();
        ClassRow row = managed(classId, user);
        SessionRow s = sessionOf(row, sessionId);
        return new CheckInCode(s.id(), s.date(), tokens.session(s.id(), s.date()));
    }

    @Transactional(readOnly = true)
    public List<Attendee> attendees(long classId, long sessionId) {
        AppUser user = CurrentUser.require();
        ClassRow row = managed(classId, user);
        SessionRow s = sessionOf(row, sessionId);
        List<Attendee> attendees = repo.attendees(s.id()).stream()
                .map(a -> new Attendee(a.personId(), a.fullName(), a.method(), a.recordedAt())).toList();
        audit.listed("class-attendance", "class " + classId + " session " + sessionId, row.unitPath(),
                AuditLog.query("classId", classId, "sessionId", sessionId), attendees.size());
        return attendees;
    }

    /**
     * The teacher records a presence: by a learner's personal code ({@code personToken}, shown by the
     * learner, so anyone may be recorded) or ticked from the list ({@code personId}, only people the
     * teacher may look up in the registry).
     */
    @Transactional
    public CheckIn record(long classId, long sessionId, Long personId, String personToken) {
        AppUser user = CurrentUser.require();
        managed(classId, user);
        long person;
        String method;
        if (personToken != null && !personToken.isBlank()) {
            if (!(tokens.read(personToken).orElseThrow(() -> new BusinessException("classes.checkin.forged"))
                    instanceof vn.binhdan.community.internal.Tokens.PersonClaim claim)) {
                throw new BusinessException("classes.checkin.notPersonCode");
            }
            person = claim.personId();
            method = "PERSON_QR";
        } else if (personId != null) {
            PersonDirectory.PersonRef ref = persons.find(personId)
                    .orElseThrow(() -> new NotFoundException("person.notFound", personId));
            if (!user.canActOn(ref.residenceUnitPath(), PersonService.READERS)) {
                throw new ForbiddenException("classes.personOutside");
            }
            person = personId;
            method = "LIST";
        } else {
            throw new BusinessException("classes.personRequired");
        }
        ClassRow row = repo.lock(classId).orElseThrow();
        open(row);
        SessionRow s = sessionOf(row, sessionId);
        if (s.date().isAfter(today())) {
            throw new BusinessException("classes.session.future", DMY.format(s.date()));
        }
        return attend(row, s, person, method, user);
    }

    @Transactional
    public void removeAttendance(long classId, long sessionId, long personId) {
        AppUser user = CurrentUser.require();
        managed(classId, user);
        ClassRow row = repo.lock(classId).orElseThrow();
        open(row);
        SessionRow s = sessionOf(row, sessionId);
        ClassRepository.AttendeeRow a = repo.attendance(s.id(), personId)
                .orElseThrow(() -> new NotFoundException("classes.attendanceNotFound"));
        repo.deleteAttendance(a.id());
        events.publishEvent(new AttendanceRemoved(a.id(), row.unitPath(), s.date()));
        audit.record("REMOVE_ATTENDANCE", "class", Long.toString(classId), row.unitPath(),
                "session " + s.date() + " person " + personId);
    }

    // ------------------------------------------------------------------ learners

    /** What a session code stands for, before the learner confirms; refused exactly as the check-in would be. */
    @Transactional(readOnly = true)
    public CheckIn preview(String token) {
        AppUser user = CurrentUser.require();
        long person = learner(user);
        SessionRow s = validSession(token);
        ClassRow row = repo.find(s.classId()).orElseThrow();
        open(row);
        return new CheckIn(row.id(), row.title(), s.id(), s.date(), person, user.displayName(),
                repo.attendance(s.id(), person).isPresent());
    }

    /** A learner checks in with the session's code: once; again is "already checked in", counted nothing. */
    @Transactional
    public CheckIn checkIn(String token) {
        AppUser user = CurrentUser.require();
        long person = learner(user);
        SessionRow s = validSession(token);
        ClassRow row = repo.lock(s.classId()).orElseThrow();
        open(row);
        return attend(row, s, person, "SESSION_QR", user);
    }

    /** The learner's personal code, for a teacher to scan. */
    public String myCode() {
        return tokens.person(learner(CurrentUser.require()));
    }

    /**
     * Enrols everyone who attended any session in the class's online course, one by one with the
     * learning module's own checks: someone already enrolled counts as "already", someone the
     * user may not enrol (outside their scope, or outside the course's groups without override)
     * as "refused". Each enrolment is its own transaction, so one refusal undoes no other.
     */
    public EnrolSummary enrolAttendees(long classId, boolean override) {
        AppUser user = CurrentUser.require();
        ClassRow row = managed(classId, user);
        open(row);
        int added = 0;
        int already = 0;
        int refused = 0;
        for (long personId : repo.attendeeIds(classId)) {
            Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            try {
                Enrolment e = learning.enrolPerson(row.courseCode(), personId, override);
                if (e.enrolledAt().isBefore(before)) {
                    already++;
                } else {
                    added++;
                }
            } catch (BusinessException e) {
                refused++;
            }
        }
        audit.record("ENROL_ATTENDEES", "class", Long.toString(classId), row.unitPath(),
                row.courseCode() + " added=" + added + " already=" + already + " refused=" + refused);
        return new EnrolSummary(row.courseCode(), added, already, refused);
    }

    // ------------------------------------------------------------------ internals

    private CheckIn attend(ClassRow row, SessionRow s, long personId, String method, AppUser user) {
        String name = persons.find(personId).map(PersonDirectory.PersonRef::fullName)
                .orElseThrow(() -> new NotFoundException("person.notFound", personId));
        if (repo.attendance(s.id(), personId).isPresent()) {
            return new CheckIn(row.id(), row.title(), s.id(), s.date(), personId, name, true);
        }
        long id = repo.insertAttendance(s.id(), personId, method, user.username(), clock.instant());
        events.publishEvent(new AttendanceRecorded(id, s.id(), personId, row.unitPath(), s.date()));
        held(row, s, user);
        audit.record("ATTEND", "class", Long.toString(row.id()), row.unitPath(),
                "session " + s.date() + " person " + personId + " " + method);
        return new CheckIn(row.id(), row.title(), s.id(), s.date(), personId, name, false);
    }

    /** Marks the session held; the class counts when this is its first. True when the session was not held before. */
    private boolean held(ClassRow row, SessionRow s, AppUser user) {
        if (!repo.markHeld(s.id(), user.username(), clock.instant())) {
            return false;
        }
        if (repo.countOn(row.id(), s.date())) {
            events.publishEvent(new ClassHeld(row.id(), row.unitPath(), s.date()));
        }
        return true;
    }

    private SessionRow validSession(String token) {
        if (!(tokens.read(token).orElseThrow(() -> new BusinessException("classes.checkin.forged"))
                instanceof Tokens.SessionClaim claim)) {
            throw new BusinessException("classes.checkin.notSessionCode");
        }
        SessionRow s = repo.session(claim.sessionId()).orElseThrow(() -> new BusinessException("classes.checkin.forged"));
        if (!s.date().equals(claim.day())) {
            throw new BusinessException("classes.checkin.forged");
        }
        if (!claim.day().equals(today())) {
            throw new BusinessException("classes.checkin.wrongDay", DMY.format(claim.day()));
        }
        return s;
    }

    private static long learner(AppUser user) {
        if (user.personId() == null) {
            throw new BusinessException("classes.checkin.noPerson");
        }
        return user.personId();
    }

    private ClassRow managed(long id, AppUser user) {
        ClassRow row = repo.find(id).orElseThrow(() -> new NotFoundException("classes.notFound", id));
        Access.requireManager(user, row.unitPath());
        return row;
    }

    private static void open(ClassRow row) {
        if (row.cancelledAt() != null) {
            throw new ConflictException("classes.cancelled");
        }
    }

    private SessionRow sessionOf(ClassRow row, long sessionId) {
        SessionRow s = repo.session(sessionId).orElseThrow(() -> new NotFoundException("classes.sessionNotFound"));
        if (s.classId() != row.id()) {
            throw new NotFoundException("classes.sessionNotFound");
        }
        return s;
    }

    private Course publishedCourse(String code) {
        try {
            Course course = courses.get(code);
            if (course.published()) {
                return course;
            }
        } catch (NotFoundException e) {
            // answered below in the class's own words
        }
        throw new BusinessException("classes.course.unknown", code);
    }

    private static void validate(SessionForm s) {
        if (s == null || s.date() == null || s.startsAt() == null || s.endsAt() == null) {
            throw new BusinessException("classes.session.incomplete");
        }
        if (!s.endsAt().isAfter(s.startsAt())) {
            throw new BusinessException("classes.session.endBeforeStart");
        }
        if (s.date().getYear() < 2020 || s.date().getYear() > 2100) {
            throw new BusinessException("classes.session.badDate");
        }
    }

    private static String text(String s, int max) {
        String clean = VietnameseText.clean(s);
        if (clean != null && clean.length() > max) {
            throw new BusinessException("classes.tooLong", max);
        }
        return clean;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private CommunityClass view(ClassRow c, List<SessionRow> sessions, AppUser user) {
        int attendees = sessions.isEmpty() ? 0 : repo.attendeeIds(c.id()).size();
        return new CommunityClass(c.id(), c.unitId(), c.unitName(), c.title(), c.place(), c.teacherPersonId(),
                c.teacherName(), c.topics(), TargetGroup.valueOf(c.targetGroup()), c.courseCode(), c.countedOn(),
                c.cancelledAt(), attendees, sessions.stream().map(Classes::session).toList(),
                Access.canManage(user, c.unitPath()));
    }

    private static ClassSession session(SessionRow s) {
        return new ClassSession(s.id(), s.date(), s.startsAt(), s.endsAt(), s.heldAt(), s.attendance());
    }
}

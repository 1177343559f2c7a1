package vn.binhdan.learning;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.learning.internal.ChecksText;
import vn.binhdan.learning.internal.CourseContent;
import vn.binhdan.learning.internal.CoursePackage;
import vn.binhdan.learning.internal.CourseRepository;
import vn.binhdan.learning.internal.LessonHtml;
import vn.binhdan.learning.internal.ShippedHash;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.LocalizedText;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.shipped.ShippedReleases;
import vn.binhdan.skills.Framework;
import vn.binhdan.skills.FrameworkService;

/** The course catalogue, authoring (draft → published) and course packages. */
@Service
@Transactional(readOnly = true)
public class CourseService {

    public static final List<Role> AUTHORS = List.of(Role.CONTENT_AUTHOR, Role.PROVINCE_ADMIN, Role.SYSTEM_ADMIN);
    private static final Pattern COURSE_CODE = Pattern.compile("[A-Z0-9][A-Z0-9\\-]{1,39}");
    private static final Pattern LESSON_CODE = Pattern.compile("[a-z0-9][a-z0-9\\-]{0,59}");

    private final CourseRepository repo;
    private final FrameworkService frameworks;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ShippedReleases releases;

    public CourseService(CourseRepository repo, FrameworkService frameworks, AuditLog audit, Clock clock,
                         ApplicationEventPublisher events, ShippedReleases releases) {
        this.repo = repo;
        this.frameworks = frameworks;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.releases = releases;
    }

    /** Learners see published courses only: a draft's edits change nothing they can find. */
    private void changed(Course course, boolean statusChanged) {
        if (statusChanged || course.published()) {
            events.publishEvent(new CatalogueChanged(course.code()));
        }
    }

    public static boolean isAuthor(AppUser user) {
        return AUTHORS.stream().anyMatch(user::has);
    }

    /** Refuses anyone who is not a content author. */
    public void checkAuthor() {
        requireAuthor();
    }

    private static AppUser requireAuthor() {
        AppUser user = CurrentUser.require();
        if (!isAuthor(user)) {
            throw new ForbiddenException("course.authorOnly");
        }
        return user;
    }

    /** Published courses, for everyone. */
    public List<Course> catalogue() {
        return repo.list(EnumSet.of(CourseStatus.PUBLISHED));
    }

    /** Every course, drafts included, for authors. */
    public List<Course> all() {
        requireAuthor();
        return repo.list(EnumSet.allOf(CourseStatus.class));
    }

    /** A published course; authors also see drafts (preview). */
    public Course get(String code) {
        Course course = repo.findByCode(code).orElseThrow(() -> new NotFoundException("course.notFound", code));
        if (!course.published() && CurrentUser.find().map(u -> !isAuthor(u)).orElse(true)) {
            throw new NotFoundException("course.notFound", code);
        }
        return course;
    }

    /** A course by the id and edit stamp just read with it; the same visibility as {@link #get(String)}. */
    Course get(String code, long id, java.time.Instant updatedAt) {
        Course course = repo.outline(id, updatedAt).orElseThrow(() -> new NotFoundException("course.notFound", code));
        if (!course.published() && CurrentUser.find().map(u -> !isAuthor(u)).orElse(true)) {
            throw new NotFoundException("course.notFound", code);
        }
        return course;
    }

    public Course get(long id) {
        Course course = repo.find(id).orElseThrow(() -> new NotFoundException("course.notFound", id));
        if (!course.published()) {
            requireAuthor();
        }
        return course;
    }

    /** A course the current user may see: published, or any for an author. */
    public Optional<Course> visible(long id) {
        return repo.find(id).filter(c -> c.published() || CurrentUser.find().map(CourseService::isAuthor).orElse(false));
    }

    public Lesson lesson(Course course, String lessonCode) {
        return repo.lesson(course, lessonCode)
                .orElseThrow(() -> new NotFoundException("lesson.notFound", lessonCode));
    }

    public Lesson lesson(long lessonId) {
        Lesson lesson = repo.lesson(lessonId).orElseThrow(() -> new NotFoundException("lesson.notFound", lessonId));
        get(lesson.courseId());
        return lesson;
    }

    public List<Lesson> lessons(Course course) {
        return repo.lessons(course.id());
    }

    public Optional<CourseContent.Media> media(String courseCode, String path) {
        Course course = get(courseCode);
        return repo.media(course.id(), path);
    }

    /** Imports a course package (zip); on any problem nothing is stored. The course starts as a draft. */
    @Transactional
    public Course importPackage(InputStream zip) {
        AppUser user = requireAuthor();
        Course course = install(CoursePackage.unzip(zip), user.username(), CourseStatus.DRAFT);
        audit.record("IMPORT", "course", course.code(), "/", null);
        return course;
    }

    /** Installs an unpacked course (also used for the courses shipped with the platform). */
    @Transactional
    public Course install(Map<String, byte[]> files, String by, CourseStatus status) {
        CourseContent content = CoursePackage.parse(files, frameworks::find);
        if (repo.codeExists(content.code())) {
            throw new BusinessException("course.duplicateCode", content.code());
        }
        long id = repo.insert(content, status, by, clock.instant());
        Course installed = repo.find(id).orElseThrow();
        changed(installed, false);
        return installed;
    }

    /** What installing a shipped course did. */
    public enum ShippedOutcome { INSTALLED, UPGRADED, UNCHANGED, KEPT_LOCAL_EDITS }

    private static final String COURSE = "COURSE";

    /**
     * Installs a course shipped with a release, or brings an installed one up to this release: in
     * place, lesson by lesson code, so that learners' progress and certificates (which point at the
     * lessons) stay where they are and a lesson the release dropped stays for those who studied it.
     * A course the province edited since it was installed is left as the province made it; the
     * release waits in {@link #shippedUpdatesWaiting()} for an author to merge.
     *
     * <p>Under the install lock the other kinds of shipped content take: two instances started
     * together would otherwise both find the course absent (one fails on the code's uniqueness and
     * stops its start) or both upgrade it in place. The later one waits, then finds the release
     * recorded and does nothing. Nothing called from here takes the lock in another transaction
     * (the audit's own transaction writes only the audit), so waiting on ourselves cannot happen.
     */
    @Transactional
    public ShippedOutcome installShipped(Map<String, byte[]> files) {
        String hash = ShippedHash.of(files);
        CourseContent content = CoursePackage.parse(files, frameworks::find);
        releases.lock();
        Instant now = clock.instant();
        Optional<Course> existing = repo.findByCode(content.code());
        if (existing.isEmpty()) {
            long id = repo.insert(content, CourseStatus.PUBLISHED, "system", now);
            Course installed = repo.find(id).orElseThrow();
            repo.recordShipped(COURSE, content.code(), hash, installed.updatedAt());
            changed(installed, false);
            return ShippedOutcome.INSTALLED;
        }
        Course course = existing.get();
        Optional<CourseRepository.Shipped> release = repo.shipped(COURSE, course.code());
        if (release.isPresent() && release.get().hash().equals(hash)) {
            return ShippedOutcome.UNCHANGED;
        }
        // a database from before releases were recorded: untouched is what the system installed and nobody edited
        boolean edited = release.map(r -> course.updatedAt().isAfter(r.installedAt()))
                .orElseGet(() -> !repo.untouchedSinceCreated(course.id(), "system"));
        if (edited) {
            repo.recordWaiting(COURSE, course.code(), hash, course.updatedAt(), now);
            return ShippedOutcome.KEPT_LOCAL_EDITS;
        }
        upgradeInPlace(course, content, now);
        Course upgraded = repo.find(course.id()).orElseThrow();
        repo.recordShipped(COURSE, course.code(), hash, upgraded.updatedAt());
        audit.record("UPGRADE", "course", course.code(), "/", hash.substring(0, 12));
        changed(upgraded, false);
        return ShippedOutcome.UPGRADED;
    }

    private void upgradeInPlace(Course course, CourseContent content, Instant now) {
        Map<String, Course.LessonRef> old = new java.util.HashMap<>();
        course.lessons().forEach(l -> old.put(l.code(), l));
        // positions are only an order: park every lesson past the end first, then lay the release out
        int parked = 0;
        for (Course.LessonRef l : course.lessons()) {
            repo.placeLesson(l.id(), moduleOf(course, l), 900_000_000 + ++parked);
        }
        int m = 0;
        int lastPosition = 0;
        for (CourseContent.ModuleContent module : content.modules()) {
            m++;
            long moduleId;
            int modulePosition;
            if (m <= course.modules().size()) {
                Course.Module existing = course.modules().get(m - 1);
                moduleId = existing.id();
                modulePosition = existing.position();
                repo.renameModule(moduleId, module.title());
            } else {
                modulePosition = course.modules().stream().mapToInt(Course.Module::position).max().orElse(0) + m
                        - course.modules().size();
                moduleId = repo.insertModule(course.id(), modulePosition, module.title());
            }
            int l = 0;
            for (CourseContent.LessonContent lesson : module.lessons()) {
                l++;
                int position = modulePosition * 1000 + l;
                lastPosition = Math.max(lastPosition, position);
                Course.LessonRef before = old.remove(lesson.code());
                if (before == null) {
                    repo.insertLesson(course.id(), moduleId, position, lesson);
                } else {
                    repo.updateLesson(before.id(), lesson);
                    repo.replaceTranslations(before.id(), lesson.translations());
                    repo.placeLesson(before.id(), moduleId, position);
                }
            }
        }
        // lessons this release no longer ships stay, after the rest, for whoever studied them
        for (Course.LessonRef gone : old.values()) {
            repo.placeLesson(gone.id(), moduleOf(course, gone), ++lastPosition);
        }
        for (CourseContent.Media media : content.media().values()) {
            repo.putMedia(course.id(), media);
        }
        repo.updateCourse(course.id(), content.title(), content.summary(), content.targetGroups(), content.sequential(),
                now);
    }

    private static long moduleOf(Course course, Course.LessonRef lesson) {
        return course.modules().stream().filter(m -> m.lessons().contains(lesson)).findFirst().orElseThrow().id();
    }

    /** A lesson of a waiting release beside the province's copy; {@code here} is null for a new lesson. */
    public record LessonSideBySide(String code, String status, String here, String shipped) {
    }

    /** A shipped course whose newer release waits because the province edited its copy. */
    public record WaitingRelease(String code, List<LessonSideBySide> lessons) {
    }

    /** What each waiting release would change, lesson by lesson, for an author to merge by hand. */
    public List<WaitingRelease> shippedUpdatesWaiting() throws IOException {
        requireAuthor();
        Map<String, Map<String, byte[]>> shipped = vn.binhdan.learning.internal.ShippedCourses.read();
        List<WaitingRelease> out = new java.util.ArrayList<>();
        for (String code : repo.waiting(COURSE)) {
            if (shipped.containsKey(code)) {
                compareWithRelease(shipped.get(code)).ifPresent(out::add);
            }
        }
        return out;
    }

    /** A release's lessons that differ from the installed course's, each beside the local copy. */
    public Optional<WaitingRelease> compareWithRelease(Map<String, byte[]> files) {
        requireAuthor();
        CourseContent content = CoursePackage.parse(files, frameworks::find);
        Course course = repo.findByCode(content.code()).orElse(null);
        if (course == null) {
            return Optional.empty();
        }
        List<LessonSideBySide> lessons = new java.util.ArrayList<>();
        for (CourseContent.ModuleContent m : content.modules()) {
            for (CourseContent.LessonContent l : m.lessons()) {
                Optional<Lesson> here = repo.lesson(course.id(), l.code());
                String status = here.isEmpty() ? "NEW" : here.get().body().equals(l.body()) ? "SAME" : "CHANGED";
                if (!"SAME".equals(status)) {
                    lessons.add(new LessonSideBySide(l.code(), status, here.map(Lesson::body).orElse(null), l.body()));
                }
            }
        }
        return Optional.of(new WaitingRelease(course.code(), lessons));
    }

    public boolean exists(String code) {
        return repo.codeExists(code);
    }

    public void export(String code, OutputStream out) throws IOException {
        requireAuthor();
        Course course = repo.findByCode(code).orElseThrow(() -> new NotFoundException("course.notFound", code));
        CoursePackage.write(course, repo.lessons(course.id()), repo.allMedia(course.id()), out);
    }

    @Transactional
    public Course create(CourseForm form) {
        AppUser user = requireAuthor();
        String code = form.code() == null ? "" : form.code().strip().toUpperCase(java.util.Locale.ROOT);
        if (!COURSE_CODE.matcher(code).matches()) {
            throw new BusinessException("course.badCode", code);
        }
        if (repo.codeExists(code)) {
            throw new BusinessException("course.duplicateCode", code);
        }
        checkForm(form);
        CourseContent content = new CourseContent(code, "vi", title(form.titleVi(), form.titleEn()),
                title(form.summaryVi(), form.summaryEn()), form.targetGroups(), form.sequential(),
                frameworks.current().version(), List.of(), Map.of());
        long id = repo.insert(content, CourseStatus.DRAFT, user.username(), clock.instant());
        repo.insertModule(id, 1, LocalizedText.vi("Phần 1"));
        audit.record("CREATE", "course", code, "/", null);
        return repo.find(id).orElseThrow();
    }

    @Transactional
    public Course update(long id, CourseForm form) {
        requireAuthor();
        Course course = get(id);
        checkForm(form);
        repo.updateCourse(id, title(form.titleVi(), form.titleEn()), title(form.summaryVi(), form.summaryEn()),
                form.targetGroups(), form.sequential(), clock.instant());
        audit.record("UPDATE", "course", course.code(), "/", null);
        changed(course, false);
        return repo.find(id).orElseThrow();
    }

    private static void checkForm(CourseForm form) {
        if (form.titleVi() == null || form.titleVi().isBlank()) {
            throw new BusinessException("course.titleRequired");
        }
        if (form.targetGroups() == null || form.targetGroups().isEmpty()) {
            throw new BusinessException("course.noGroups");
        }
    }

    @Transactional
    public Course addModule(long courseId, String titleVi, String titleEn) {
        requireAuthor();
        Course course = get(courseId);
        if (titleVi == null || titleVi.isBlank()) {
            throw new BusinessException("course.titleRequired");
        }
        int position = course.modules().stream().mapToInt(Course.Module::position).max().orElse(0) + 1;
        repo.insertModule(courseId, position, title(titleVi, titleEn));
        repo.touch(courseId, clock.instant());
        changed(course, false);
        return repo.find(courseId).orElseThrow();
    }

    @Transactional
    public Lesson addLesson(long courseId, long moduleId, LessonForm form) {
        requireAuthor();
        Course course = get(courseId);
        Course.Module module = course.modules().stream().filter(m -> m.id() == moduleId).findFirst()
                .orElseThrow(() -> new NotFoundException("course.moduleNotFound", moduleId));
        String code = form.code() == null ? "" : form.code().strip().toLowerCase(java.util.Locale.ROOT);
        if (!LESSON_CODE.matcher(code).matches()) {
            throw new BusinessException("lesson.badCode", code);
        }
        if (course.lesson(code).isPresent()) {
            throw new BusinessException("lesson.duplicateCode", code);
        }
        int position = module.lessons().stream().mapToInt(Course.LessonRef::position).max()
                .orElse(module.position() * 1000) + 1;
        long id = repo.insertLesson(courseId, moduleId, position, content(course, code, form));
        repo.touch(courseId, clock.instant());
        audit.record("CREATE", "lesson", course.code() + "/" + code, "/", null);
        changed(course, false);
        return repo.lesson(id).orElseThrow();
    }

    @Transactional
    public Lesson updateLesson(long lessonId, LessonForm form) {
        requireAuthor();
        Lesson lesson = lesson(lessonId);
        Course course = get(lesson.courseId());
        repo.updateLesson(lessonId, content(course, lesson.code(), form));
        repo.touch(course.id(), clock.instant());
        audit.record("UPDATE", "lesson", course.code() + "/" + lesson.code(), "/", null);
        changed(course, false);
        return repo.lesson(lessonId).orElseThrow();
    }

    private CourseContent.LessonContent content(Course course, String code, LessonForm form) {
        if (form.titleVi() == null || form.titleVi().isBlank()) {
            throw new BusinessException("course.titleRequired");
        }
        Framework framework = frameworks.get(course.frameworkVersion());
        List<String> competencies = form.competencies() == null ? List.of() : form.competencies();
        for (String c : competencies) {
            if (framework.competency(c).isEmpty()) {
                throw new BusinessException("lesson.unknownCompetency", code, c, framework.version());
            }
        }
        String body = LessonHtml.sanitise(form.body());
        List<String> missingAlt = LessonHtml.imagesWithoutAlt(body);
        if (!missingAlt.isEmpty()) {
            throw new BusinessException("lesson.imageWithoutAlt", code, missingAlt.getFirst());
        }
        String video = form.videoUrl() == null || form.videoUrl().isBlank() ? null : form.videoUrl().strip();
        if (video != null && !video.startsWith("https://") && !video.startsWith("http://")) {
            throw new BusinessException("lesson.badVideo", code, video);
        }
        String transcript = form.transcript() == null || form.transcript().isBlank() ? null : form.transcript().strip();
        if (video != null && transcript == null) {
            throw new BusinessException("lesson.transcriptRequired", code);
        }
        int minutes = form.minutes() == null || form.minutes() <= 0
                ? Math.max(1, LessonHtml.text(body).split("\\s+").length / 150) : form.minutes();
        return new CourseContent.LessonContent(code, title(form.titleVi(), form.titleEn()), minutes, competencies,
                body, video, transcript, null, ChecksText.parse(form.checks()), Map.of(), null);
    }

    @Transactional
    public Course publish(long id) {
        return setStatus(id, CourseStatus.PUBLISHED);
    }

    @Transactional
    public Course unpublish(long id) {
        return setStatus(id, CourseStatus.DRAFT);
    }

    private Course setStatus(long id, CourseStatus status) {
        requireAuthor();
        Course course = get(id);
        if (status == CourseStatus.PUBLISHED && course.lessons().isEmpty()) {
            throw new BusinessException("course.nothingToPublish", course.code());
        }
        repo.setStatus(id, status, clock.instant());
        audit.record(status == CourseStatus.PUBLISHED ? "PUBLISH" : "UNPUBLISH", "course", course.code(), "/", null);
        changed(course, true);
        return repo.find(id).orElseThrow();
    }

    private static LocalizedText title(String vi, String en) {
        Map<String, String> values = new HashMap<>();
        if (vi != null) {
            values.put("vi", vi);
        }
        if (en != null) {
            values.put("en", en);
        }
        return new LocalizedText(values);
    }
}

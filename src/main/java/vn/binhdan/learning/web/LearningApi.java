package vn.binhdan.learning.web;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.binhdan.learning.CheckResult;
import vn.binhdan.learning.Course;
import vn.binhdan.learning.CourseProgress;
import vn.binhdan.learning.CourseService;
import vn.binhdan.learning.Enrolment;
import vn.binhdan.learning.HistoryEntry;
import vn.binhdan.learning.LearningService;
import vn.binhdan.learning.Lesson;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.LocalizedText;

/** Courses, enrolment and progress for mobile apps and integrations. Right answers never leave before grading. */
@RestController
@RequestMapping("/api/v1")
class LearningApi {

    private final CourseService courses;
    private final LearningService learning;

    LearningApi(CourseService courses, LearningService learning) {
        this.courses = courses;
        this.learning = learning;
    }

    record CourseSummary(String code, LocalizedText title, LocalizedText summary, Collection<TargetGroup> targetGroups,
                         int lessons, int minutes, boolean sequential, String frameworkVersion, String status) {
        static CourseSummary of(Course c) {
            return new CourseSummary(c.code(), c.title(), c.summary(), c.targetGroups(), c.lessons().size(), c.minutes(),
                    c.sequential(), c.frameworkVersion(), c.status().name());
        }
    }

    /** Shipped courses edited here whose newer release waits, each changed lesson beside the local copy (authors). */
    @GetMapping("/courses/shipped-updates")
    List<CourseService.WaitingRelease> shippedUpdates() throws java.io.IOException {
        return courses.shippedUpdatesWaiting();
    }

    @GetMapping("/courses")
    List<CourseSummary> catalogue() {
        return courses.catalogue().stream().map(CourseSummary::of).toList();
    }

    @GetMapping("/courses/{code}")
    Course course(@PathVariable String code) {
        return courses.get(code);
    }

    @PostMapping("/courses/{code}/enrolment")
    Enrolment enrol(@PathVariable String code) {
        return learning.enrolSelf(code);
    }

    /** Either {@code personId}, or {@code unitId} with {@code group}; {@code override} for a group the course is not for. */
    record EnrolRequest(Long personId, Long unitId, TargetGroup group, Boolean override) {
    }

    @PostMapping("/courses/{code}/enrolments")
    Object enrolOthers(@PathVariable String code, @RequestBody EnrolRequest request) {
        boolean override = Boolean.TRUE.equals(request.override());
        if (request.personId() != null) {
            return learning.enrolPerson(code, request.personId(), override);
        }
        if (request.unitId() == null || request.group() == null) {
            throw new BusinessException("learning.enrolRequest");
        }
        return learning.enrolGroup(code, request.unitId(), request.group(), override);
    }

    record CheckView(String prompt, List<String> options, boolean multiple) {
    }

    record LessonView(String course, String code, LocalizedText title, int minutes, List<String> competencies,
                      String body, String videoUrl, String transcript, String pdfPath, List<CheckView> checks,
                      Map<String, Lesson.Translation> translations, String previous, String next, boolean done,
                      boolean progressKept, String inCourseOrder, boolean enrolledNow) {
    }

    @GetMapping("/courses/{code}/lessons/{lesson}")
    LessonView lesson(@PathVariable String code, @PathVariable String lesson) {
        LearningService.LessonVisit v = learning.open(code, lesson);
        Lesson l = v.lesson();
        return new LessonView(code, l.code(), l.title(), l.minutes(), l.competencies(), l.body(), l.videoUrl(),
                l.transcript(), l.pdfPath(),
                l.checks().stream().map(c -> new CheckView(c.prompt(), c.options(), c.multiple())).toList(),
                l.translations(), v.previous() == null ? null : v.previous().code(),
                v.next() == null ? null : v.next().code(), v.progress() != null && v.progress().isDone(l.id()),
                v.progress() != null, v.inCourseOrder() == null ? null : v.inCourseOrder().code(), v.enrolledNow());
    }

    record ProgressView(String course, LocalizedText title, int done, int total, int percent, boolean completed,
                        String nextLesson, Instant lastSeenAt, Collection<CourseProgress.CompetencyProgress> competencies) {
        static ProgressView of(CourseProgress p) {
            return new ProgressView(p.course().code(), p.course().title(), p.done(), p.total(), p.percent(),
                    p.completed(), p.next() == null ? null : p.next().code(), p.lastSeenAt(), p.byCompetency().values());
        }
    }

    @PostMapping("/courses/{code}/lessons/{lesson}/completion")
    ProgressView complete(@PathVariable String code, @PathVariable String lesson) {
        return ProgressView.of(learning.completeByReading(code, lesson));
    }

    /** {@code answers}: for each check question in order, the indexes of the chosen options. */
    record Answers(List<List<Integer>> answers) {
    }

    @PostMapping("/courses/{code}/lessons/{lesson}/answers")
    CheckResult answer(@PathVariable String code, @PathVariable String lesson, @RequestBody Answers body) {
        List<Set<Integer>> answers = new ArrayList<>();
        if (body.answers() != null) {
            body.answers().forEach(a -> answers.add(a == null ? Set.of() : new HashSet<>(a)));
        }
        return learning.answer(code, lesson, answers);
    }

    @GetMapping("/me/courses")
    List<ProgressView> myCourses() {
        return learning.myCourses().stream().map(ProgressView::of).toList();
    }

    @GetMapping("/me/learning-history")
    List<HistoryEntry> history(@RequestParam(defaultValue = "50") int limit) {
        return learning.history(limit);
    }

    @PostMapping(path = "/course-packages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CourseSummary importPackage(@RequestParam("file") MultipartFile file) throws IOException {
        return CourseSummary.of(courses.importPackage(file.getInputStream()));
    }

    @GetMapping("/courses/{code}/package")
    void export(@PathVariable String code, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        CourseDownload.write(courses, code, response);
    }
}

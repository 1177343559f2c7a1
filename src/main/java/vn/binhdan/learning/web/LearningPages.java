package vn.binhdan.learning.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.learning.CheckResult;
import vn.binhdan.learning.Course;
import vn.binhdan.learning.CourseProgress;
import vn.binhdan.learning.CourseService;
import vn.binhdan.learning.Enrolment;
import vn.binhdan.learning.LearningService;
import vn.binhdan.learning.Lesson;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.skills.Framework;
import vn.binhdan.skills.FrameworkService;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitService;

/** The learner's pages: catalogue, course, lesson, progress. Lessons read fully without JavaScript. */
@Controller
class LearningPages {

    private final CourseService courses;
    private final LearningService learning;
    private final FrameworkService frameworks;
    private final MessageSource messages;
    private final UnitService units;
    private final LessonPageCache pageCache;

    LearningPages(CourseService courses, LearningService learning, FrameworkService frameworks, MessageSource messages,
                  UnitService units, LessonPageCache pageCache) {
        this.units = units;
        this.pageCache = pageCache;
        this.courses = courses;
        this.learning = learning;
        this.frameworks = frameworks;
        this.messages = messages;
    }

    @GetMapping("/learn")
    String catalogue(@RequestParam(required = false) TargetGroup group, Model model) {
        List<CourseProgress> mine = learning.myCourses();
        Set<Long> enrolled = new HashSet<>();
        mine.forEach(p -> enrolled.add(p.course().id()));
        // the courses meant for the learner come first: an elderly reader should not scroll past
        // the pupils' and the civil servants' courses to find her own
        List<Course> candidates = courses.catalogue().stream()
                .filter(c -> !enrolled.contains(c.id()))
                .filter(c -> group == null || c.targetGroups().contains(group))
                .toList();
        Set<Long> forMe = new HashSet<>();
        candidates.stream().filter(learning::isForMe).forEach(c -> forMe.add(c.id()));
        List<Course> others = candidates.stream().sorted(java.util.Comparator.comparing((Course c) -> !forMe.contains(c.id())))
                .toList();
        model.addAttribute("hasPerson", CurrentUser.require().personId() != null);
        model.addAttribute("continuePoint", learning.continuePoint().orElse(null));
        model.addAttribute("mine", mine);
        model.addAttribute("others", others);
        model.addAttribute("group", group);
        model.addAttribute("groups", TargetGroup.values());
        return "learn/catalogue";
    }

    @GetMapping("/learn/{code}")
    String course(@PathVariable String code, Model model) {
        Course course = courses.get(code);
        AppUser user = CurrentUser.require();
        Enrolment enrolment = learning.myEnrolment(course).orElse(null);
        model.addAttribute("course", course);
        model.addAttribute("progress", enrolment == null ? null : learning.progress(code));
        model.addAttribute("forMe", learning.isForMe(course));
        model.addAttribute("hasPerson", user.personId() != null);
        model.addAttribute("author", CourseService.isAuthor(user));
        boolean officer = LearningService.ENROLLERS.stream().anyMatch(user::has);
        model.addAttribute("officer", officer);
        if (officer) {
            List<Unit> enrolUnits = new ArrayList<>();
            for (Unit root : units.scopeRoots()) {
                enrolUnits.add(root);
                units.children(root.id(), false).stream().filter(u -> u.type().administrative())
                        .forEach(enrolUnits::add);
            }
            model.addAttribute("enrolUnits", enrolUnits);
        }
        model.addAttribute("groups", TargetGroup.values());
        return "learn/course";
    }

    @PostMapping("/learn/{code}/enrol")
    String enrol(@PathVariable String code, RedirectAttributes flash) {
        try {
            learning.enrolSelf(code);
            flash.addFlashAttribute("notice", message("learn.enrolled"));
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", message(e));
        }
        return "redirect:/learn/" + code;
    }

    @PostMapping("/learn/{code}/enrolments")
    String enrolGroup(@PathVariable String code, @RequestParam long unitId, @RequestParam TargetGroup group,
                      @RequestParam(defaultValue = "false") boolean override, RedirectAttributes flash) {
        try {
            LearningService.EnrolResult r = learning.enrolGroup(code, unitId, group, override);
            flash.addFlashAttribute("notice", message("learn.groupEnrolled", r.added(), r.already()));
        } catch (BusinessException e) {
            if (e.status() != 400) {
                throw e;
            }
            flash.addFlashAttribute("error", message(e));
        }
        return "redirect:/learn/" + code;
    }

    @GetMapping("/learn/{code}/{lesson}")
    ModelAndView lesson(@PathVariable String code, @PathVariable String lesson, @RequestParam(required = false) String tr,
                        @RequestParam(defaultValue = "false") boolean preview, Model model, RedirectAttributes flash,
                        HttpServletRequest request, HttpServletResponse response) throws Exception {
        AppUser user = CurrentUser.require();
        LearningService.LessonVisit visit;
        boolean previewing = false;
        if (CourseService.isAuthor(user)) {
            Course course = courses.get(code);
            previewing = preview || learning.myEnrolment(course).isEmpty();
        }
        if (previewing) {
            // authors read drafts as learners will, without recording any progress
            Course course = courses.get(code);
            Lesson l = courses.lesson(course, lesson);
            List<Course.LessonRef> all = course.lessons();
            int i = all.indexOf(course.lesson(lesson).orElseThrow());
            visit = new LearningService.LessonVisit(course, l, null, i > 0 ? all.get(i - 1) : null,
                    i + 1 < all.size() ? all.get(i + 1) : null, null, false);
        } else {
            try {
                visit = learning.open(code, lesson);
            } catch (BusinessException e) {
                if (e.status() != 400) {
                    throw e;
                }
                flash.addFlashAttribute("error", message(e));
                return new ModelAndView("redirect:/learn/" + code);
            }
        }
        Course course = visit.course();
        Lesson.Translation translation = tr == null ? null : visit.lesson().translations().get(tr);
        String trShown = translation == null ? null : tr;
        CourseProgress p = visit.progress();
        if (visit.enrolledNow()) {
            model.addAttribute("notice", message("learn.enrolledOnOpen", course.title().text()));
        }
        // a page that only this request shows (a preview, a notice, graded answers, a reader whose
        // progress is not kept, a lesson read ahead of the course's order) is never cached
        String key = null;
        if (!previewing && p != null && visit.inCourseOrder() == null && !model.containsAttribute("notice") && !model.containsAttribute("result")
                && !model.containsAttribute("error")) {
            boolean done = p.isDone(visit.lesson().id());
            boolean nextOpen = visit.next() != null && (!p.isLocked(visit.next()) || done);
            key = String.join("|", Long.toString(visit.lesson().id()), course.updatedAt().toString(),
                    LocaleContextHolder.getLocale().toLanguageTag(), String.valueOf(trShown),
                    String.valueOf(model.getAttribute("displayClass")), String.valueOf(model.getAttribute("nav")),
                    Boolean.toString(done), Boolean.toString(nextOpen), request.getContextPath());
            if (pageCache.serveCached(key, request, response)) {
                return null;
            }
        }
        model.addAttribute("visit", visit);
        model.addAttribute("hasPerson", user.personId() != null);
        model.addAttribute("preview", previewing);
        model.addAttribute("translation", translation);
        model.addAttribute("tr", trShown);
        model.addAttribute("competencies", competencyNames(course, visit.lesson().competencies()));
        model.addAttribute("checksHtml", ChecksHtml.fieldsets(visit.lesson().checks(),
                (CheckResult) model.getAttribute("result"), messages, LocaleContextHolder.getLocale()));
        List<Course.LessonRef> all = course.lessons();
        model.addAttribute("lessonCount", all.size());
        model.addAttribute("lessonNumber", all.indexOf(course.lesson(lesson).orElseThrow()) + 1);
        if (key != null && pageCache.serve(key, "learn/lesson", model.asMap(), LocaleContextHolder.getLocale(),
                request, response)) {
            return null;
        }
        return new ModelAndView("learn/lesson");
    }

    @PostMapping("/learn/{code}/{lesson}/done")
    String done(@PathVariable String code, @PathVariable String lesson, RedirectAttributes flash) {
        CourseProgress p = learning.completeByReading(code, lesson);
        flash.addFlashAttribute("notice", message("learn.lessonDone"));
        return redirectAfter(code, p);
    }

    @PostMapping("/learn/{code}/{lesson}/answers")
    String answers(@PathVariable String code, @PathVariable String lesson, HttpServletRequest request,
                   RedirectAttributes flash) {
        Lesson l = courses.lesson(courses.get(code), lesson);
        List<Set<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < l.checks().size(); i++) {
            Set<Integer> chosen = new HashSet<>();
            String[] values = request.getParameterValues("q" + i);
            if (values != null) {
                for (String v : values) {
                    try {
                        chosen.add(Integer.parseInt(v));
                    } catch (NumberFormatException ignored) {
                        // a tampered value counts as no answer
                    }
                }
            }
            answers.add(chosen);
        }
        CheckResult result = learning.answer(code, lesson, answers);
        flash.addFlashAttribute("result", result);
        return "redirect:/learn/" + code + "/" + lesson + "#checks";
    }

    @GetMapping("/learn/progress")
    String progress(Model model) {
        List<CourseProgress> mine = learning.myCourses();
        // competencies of all my courses, named from each course's own framework version
        Map<String, CompetencyRow> rows = new LinkedHashMap<>();
        for (CourseProgress p : mine) {
            Framework f = frameworks.get(p.course().frameworkVersion());
            p.byCompetency().values().forEach(c -> {
                String key = c.frameworkVersion() + "/" + c.code();
                CompetencyRow row = rows.computeIfAbsent(key, k -> new CompetencyRow(c.code(),
                        f.competency(c.code()).map(x -> x.title().text()).orElse(c.code()), c.frameworkVersion(),
                        new int[2]));
                row.counts()[0] += c.done();
                row.counts()[1] += c.total();
            });
        }
        List<CompetencyRow> sorted = new ArrayList<>(rows.values());
        sorted.sort(java.util.Comparator.comparing(CompetencyRow::code, Framework.CODE_ORDER));
        model.addAttribute("mine", mine);
        model.addAttribute("competencies", sorted);
        model.addAttribute("history", CurrentUser.require().personId() == null ? List.of() : learning.history(50));
        return "learn/progress";
    }

    record CompetencyRow(String code, String title, String frameworkVersion, int[] counts) {
        public int done() {
            return counts[0];
        }

        public int total() {
            return counts[1];
        }

        public int percent() {
            return counts[1] == 0 ? 0 : counts[0] * 100 / counts[1];
        }
    }

    @GetMapping("/learn/{code}/media/**")
    ResponseEntity<byte[]> media(@PathVariable String code, HttpServletRequest request) {
        String prefix = "/learn/" + code + "/";
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String path = java.net.URLDecoder.decode(uri.substring(prefix.length()), java.nio.charset.StandardCharsets.UTF_8);
        var media = courses.media(code, path).orElseThrow(() -> new NotFoundException("lesson.mediaNotFound", path));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(media.contentType()))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePrivate())
                // an SVG opened on its own must not run scripts in this site's origin
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .body(media.bytes());
    }

    private String redirectAfter(String code, CourseProgress p) {
        if (p.next() != null) {
            return "redirect:/learn/" + code + "/" + p.next().code();
        }
        return "redirect:/learn/" + code;
    }

    private Map<String, String> competencyNames(Course course, List<String> codes) {
        Framework f = frameworks.content(course.frameworkVersion()).orElseThrow();
        Map<String, String> out = new LinkedHashMap<>();
        codes.forEach(c -> out.put(c, f.competency(c).map(x -> x.title().text()).orElse(c)));
        return out;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private String message(BusinessException e) {
        return messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale());
    }
}

package vn.binhdan.learning.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.learning.Course;
import vn.binhdan.learning.CourseForm;
import vn.binhdan.learning.CourseService;
import vn.binhdan.learning.Lesson;
import vn.binhdan.learning.LessonForm;
import vn.binhdan.learning.internal.ChecksText;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.skills.FrameworkService;

/** Content authors write courses in the browser: draft, preview, publish; packages in and out. */
@Controller
class AuthoringPages {

    private final CourseService courses;
    private final FrameworkService frameworks;
    private final MessageSource messages;

    AuthoringPages(CourseService courses, FrameworkService frameworks, MessageSource messages) {
        this.courses = courses;
        this.frameworks = frameworks;
        this.messages = messages;
    }

    @GetMapping("/author")
    String index(Model model) {
        model.addAttribute("courses", courses.all());
        model.addAttribute("groups", TargetGroup.values());
        return "author/index";
    }

    @PostMapping("/author/courses")
    String create(@RequestParam String code, @RequestParam String titleVi, @RequestParam(required = false) String titleEn,
                  @RequestParam(required = false) Set<TargetGroup> targetGroups,
                  @RequestParam(defaultValue = "false") boolean sequential, RedirectAttributes flash) {
        try {
            Course c = courses.create(new CourseForm(code, titleVi, titleEn, null, null, targetGroups, sequential));
            return "redirect:/author/courses/" + c.id();
        } catch (BusinessException e) {
            return fail(e, flash, "/author");
        }
    }

    @PostMapping("/author/packages")
    String importPackage(@RequestParam("file") MultipartFile file, RedirectAttributes flash) throws IOException {
        try {
            Course c = courses.importPackage(file.getInputStream());
            flash.addFlashAttribute("notice", message("author.imported", c.code()));
            return "redirect:/author/courses/" + c.id();
        } catch (BusinessException e) {
            return fail(e, flash, "/author");
        }
    }

    @GetMapping("/author/courses/{id}")
    String course(@PathVariable long id, Model model) {
        Course course = courses.get(id);
        courses.checkAuthor(); // published courses too: this page edits
        model.addAttribute("course", course);
        model.addAttribute("groups", TargetGroup.values());
        return "author/course";
    }

    @PostMapping("/author/courses/{id}")
    String update(@PathVariable long id, @RequestParam String titleVi, @RequestParam(required = false) String titleEn,
                  @RequestParam(required = false) String summaryVi, @RequestParam(required = false) String summaryEn,
                  @RequestParam(required = false) Set<TargetGroup> targetGroups,
                  @RequestParam(defaultValue = "false") boolean sequential, RedirectAttributes flash) {
        try {
            courses.update(id, new CourseForm(null, titleVi, titleEn, summaryVi, summaryEn, targetGroups, sequential));
            flash.addFlashAttribute("notice", message("author.saved"));
        } catch (BusinessException e) {
            return fail(e, flash, "/author/courses/" + id);
        }
        return "redirect:/author/courses/" + id;
    }

    @PostMapping("/author/courses/{id}/modules")
    String addModule(@PathVariable long id, @RequestParam String titleVi, @RequestParam(required = false) String titleEn,
                     RedirectAttributes flash) {
        try {
            courses.addModule(id, titleVi, titleEn);
        } catch (BusinessException e) {
            return fail(e, flash, "/author/courses/" + id);
        }
        return "redirect:/author/courses/" + id;
    }

    @PostMapping("/author/courses/{id}/publish")
    String publish(@PathVariable long id, @RequestParam(defaultValue = "true") boolean publish, RedirectAttributes flash) {
        try {
            if (publish) {
                courses.publish(id);
            } else {
                courses.unpublish(id);
            }
            flash.addFlashAttribute("notice", message(publish ? "author.published" : "author.unpublished"));
        } catch (BusinessException e) {
            return fail(e, flash, "/author/courses/" + id);
        }
        return "redirect:/author/courses/" + id;
    }

    @GetMapping("/author/courses/{id}/package.zip")
    void export(@PathVariable long id, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        courses.checkAuthor();
        CourseDownload.write(courses, courses.get(id).code(), response);
    }

    @GetMapping("/author/courses/{id}/lessons/new")
    String newLesson(@PathVariable long id, @RequestParam long module, Model model) {
        Course course = courses.get(id);
        courses.checkAuthor();
        model.addAttribute("course", course);
        model.addAttribute("moduleId", module);
        model.addAttribute("lesson", null);
        model.addAttribute("checksText", "");
        model.addAttribute("framework", frameworks.get(course.frameworkVersion()));
        return "author/lesson";
    }

    @PostMapping("/author/courses/{id}/lessons")
    String addLesson(@PathVariable long id, @RequestParam long module, @RequestParam String code,
                     @RequestParam String titleVi, @RequestParam(required = false) String titleEn,
                     @RequestParam(required = false) Integer minutes,
                     @RequestParam(required = false) List<String> competencies, @RequestParam(required = false) String body,
                     @RequestParam(required = false) String videoUrl, @RequestParam(required = false) String transcript,
                     @RequestParam(required = false) String checks, RedirectAttributes flash) {
        try {
            Lesson l = courses.addLesson(id, module, new LessonForm(code, titleVi, titleEn, minutes, competencies, body,
                    videoUrl, transcript, checks));
            flash.addFlashAttribute("notice", message("author.saved"));
            return "redirect:/author/lessons/" + l.id();
        } catch (BusinessException e) {
            return fail(e, flash, "/author/courses/" + id + "/lessons/new?module=" + module);
        }
    }

    @GetMapping("/author/lessons/{id}")
    String lesson(@PathVariable long id, Model model) {
        courses.checkAuthor();
        Lesson lesson = courses.lesson(id);
        Course course = courses.get(lesson.courseId());
        model.addAttribute("course", course);
        model.addAttribute("moduleId", lesson.moduleId());
        model.addAttribute("lesson", lesson);
        model.addAttribute("checksText", ChecksText.format(lesson.checks()));
        model.addAttribute("framework", frameworks.get(course.frameworkVersion()));
        return "author/lesson";
    }

    @PostMapping("/author/lessons/{id}")
    String updateLesson(@PathVariable long id, @RequestParam String titleVi, @RequestParam(required = false) String titleEn,
                        @RequestParam(required = false) Integer minutes,
                        @RequestParam(required = false) List<String> competencies,
                        @RequestParam(required = false) String body, @RequestParam(required = false) String videoUrl,
                        @RequestParam(required = false) String transcript, @RequestParam(required = false) String checks,
                        RedirectAttributes flash) {
        try {
            courses.updateLesson(id, new LessonForm(null, titleVi, titleEn, minutes, competencies, body, videoUrl,
                    transcript, checks));
            flash.addFlashAttribute("notice", message("author.saved"));
        } catch (BusinessException e) {
            flash.addFlashAttribute("draftBody", body);
            flash.addFlashAttribute("draftChecks", checks);
            return fail(e, flash, "/author/lessons/" + id);
        }
        return "redirect:/author/lessons/" + id;
    }

    private String fail(BusinessException e, RedirectAttributes flash, String back) {
        if (e.status() != 400) {
            throw e;
        }
        flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
        return "redirect:" + back;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}

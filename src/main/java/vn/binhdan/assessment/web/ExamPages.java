package vn.binhdan.assessment.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.assessment.ExamForm;
import vn.binhdan.assessment.ExamService;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.BusinessException;

/**
 * The exam in the browser. The whole form is one page that works without JavaScript (answers are
 * posted with "save" or "submit"); with JavaScript each answer is saved as soon as it changes,
 * so a dropped connection loses at most the answer being given.
 */
@Controller
class ExamPages {

    private final ExamService exams;
    private final vn.binhdan.assessment.ExamIntegrity integrity;
    private final MessageSource messages;

    ExamPages(ExamService exams, vn.binhdan.assessment.ExamIntegrity integrity, MessageSource messages) {
        this.exams = exams;
        this.integrity = integrity;
        this.messages = messages;
    }

    @GetMapping("/exam/integrity")
    String integrity(@RequestParam(defaultValue = "30") int days, Model model) {
        model.addAttribute("flags", integrity.flags(days));
        model.addAttribute("days", days);
        return "exam/integrity";
    }

    @GetMapping("/exam")
    String list(Model model) {
        // an officer's account without a person simply has no exam to take
        model.addAttribute("exams", vn.binhdan.shared.CurrentUser.require().personId() == null ? java.util.List.of()
                : exams.myExams());
        return "exam/list";
    }

    @PostMapping("/exam/{group}/start")
    String start(@PathVariable TargetGroup group, HttpServletRequest request, HttpServletResponse response,
                 RedirectAttributes flash) {
        String device = deviceCookie(request, response);
        try {
            ExamForm form = exams.start(group, request.getRemoteAddr(), device);
            return "redirect:/exam/attempt/" + form.attemptId();
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", message(e));
            return "redirect:/exam";
        }
    }

    /** The device cookie marks one browser across accounts, for the integrity review. */
    private static String deviceCookie(HttpServletRequest request, HttpServletResponse response) {
        String existing = Devices.of(request);
        if (existing.startsWith("c:")) {
            return existing;
        }
        String id = UUID.randomUUID().toString();
        Cookie cookie = new Cookie(Devices.COOKIE, id);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return "c:" + id;
    }

    @GetMapping("/exam/attempt/{id}")
    String attempt(@PathVariable String id, Model model) {
        ExamForm form = exams.form(id);
        if (!form.active()) {
            return "redirect:/exam/attempt/" + id + "/result";
        }
        model.addAttribute("form", form);
        model.addAttribute("minutesLeft", (form.secondsLeft() + 59) / 60);
        return "exam/attempt";
    }

    /** One answer from the page's script; the reply is the time left, for the countdown. */
    @PostMapping("/exam/attempt/{id}/items/{position}")
    ResponseEntity<Map<String, Object>> saveOne(@PathVariable String id, @PathVariable int position,
                                                @RequestParam(name = "choice", required = false) List<Integer> choice) {
        try {
            ExamService.Saved saved = exams.save(id, position, choice == null ? List.of() : choice);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("secondsLeft",
                    saved.secondsLeft(), "message", message("exam.saved", position)));
        } catch (BusinessException e) {
            return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("message", message(e)));
        }
    }

    @PostMapping("/exam/attempt/{id}")
    String saveAll(@PathVariable String id, @RequestParam MultiValueMap<String, String> params,
                   @RequestParam(defaultValue = "save") String action, RedirectAttributes flash) {
        try {
            exams.saveAll(id, choices(params));
            if ("submit".equals(action)) {
                exams.submit(id);
                return "redirect:/exam/attempt/" + id + "/result";
            }
            flash.addFlashAttribute("notice", message("exam.allSaved"));
        } catch (BusinessException e) {
            if ("exam.alreadyGraded".equals(e.messageKey())) {
                return "redirect:/exam/attempt/" + id + "/result";
            }
            flash.addFlashAttribute("error", message(e));
        }
        return "redirect:/exam/attempt/" + id;
    }

    /** Item answers come as q{position}=option (repeated for several options, in order for ordering). */
    static Map<Integer, List<Integer>> choices(MultiValueMap<String, String> params) {
        Map<Integer, List<Integer>> out = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.matches("q\\d{1,3}")) {
                List<Integer> choice = new ArrayList<>();
                for (String v : values) {
                    if (v != null && !v.isBlank()) {
                        try {
                            choice.add(Integer.parseInt(v.trim()));
                        } catch (NumberFormatException e) {
                            throw new BusinessException("error.badRequest");
                        }
                    }
                }
                out.put(Integer.parseInt(name.substring(1)), choice);
            }
        });
        return out;
    }

    @GetMapping("/exam/attempt/{id}/result")
    String result(@PathVariable String id, Model model) {
        model.addAttribute("result", exams.result(id));
        return "exam/result";
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private String message(BusinessException e) {
        return messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale());
    }
}

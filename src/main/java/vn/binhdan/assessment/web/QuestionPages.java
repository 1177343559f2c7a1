package vn.binhdan.assessment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.assessment.Question;
import vn.binhdan.assessment.QuestionBank;
import vn.binhdan.assessment.QuestionDraft;
import vn.binhdan.assessment.QuestionType;
import vn.binhdan.assessment.internal.QuestionSheet;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.skills.FrameworkService;

/**
 * The question bank in the browser, for content authors who do not work in Excel: a filtered
 * list with each question's use and correct rate, and one form to write or correct a question.
 * A refused form comes back with everything typed still in it.
 */
@Controller
class QuestionPages {

    private final QuestionBank bank;
    private final FrameworkService frameworks;
    private final MessageSource messages;

    QuestionPages(QuestionBank bank, FrameworkService frameworks, MessageSource messages) {
        this.bank = bank;
        this.frameworks = frameworks;
        this.messages = messages;
    }

    @GetMapping("/author/questions")
    String list(@RequestParam(required = false) String competency, @RequestParam(required = false) TargetGroup group,
                Model model) {
        model.addAttribute("questions", bank.list(competency, group));
        model.addAttribute("competency", competency);
        model.addAttribute("group", group);
        model.addAttribute("groups", TargetGroup.values());
        model.addAttribute("framework", frameworks.current());
        return "author/questions";
    }

    @GetMapping("/author/questions/sheet.xlsx")
    void sheet(@RequestParam(required = false) String competency, @RequestParam(required = false) TargetGroup group,
               HttpServletResponse response) throws IOException {
        List<Question> questions = bank.list(competency, group);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"ngan-hang-cau-hoi.xlsx\"");
        QuestionSheet.write(questions, response.getOutputStream());
    }

    /** What the form holds: the question being edited, or what the author typed. */
    record Form(String code, String competency, Set<TargetGroup> targetGroups, QuestionType type, Integer difficulty,
                String prompt, List<String> options, String answer, String explanation) {

        static Form empty() {
            return new Form("", "", EnumSet.noneOf(TargetGroup.class), QuestionType.SINGLE, 2, "",
                    new ArrayList<>(List.of("", "", "", "", "", "")), "", "");
        }

        static Form of(Question q) {
            List<String> options = new ArrayList<>(q.options());
            while (options.size() < QuestionBank.MAX_OPTIONS) {
                options.add("");
            }
            StringBuilder answer = new StringBuilder();
            if (q.type() == QuestionType.TRUE_FALSE) {
                answer.append(q.answer().getFirst() == 0 ? "Đúng" : "Sai");
            } else {
                for (int i : q.answer()) {
                    answer.append(answer.isEmpty() ? "" : ", ").append((char) ('A' + i));
                }
            }
            return new Form(q.code(), q.competency(), q.targetGroups(), q.type(), q.difficulty(), q.prompt(), options,
                    answer.toString(), q.explanation() == null ? "" : q.explanation());
        }
    }

    @GetMapping("/author/questions/new")
    String create(Model model) {
        QuestionBank.checkAuthor(CurrentUser.require());
        return form(model, Form.empty(), null, true);
    }

    @GetMapping("/author/questions/{code}")
    String edit(@PathVariable String code, Model model) {
        Question q = bank.get(code);
        model.addAttribute("stats", q);
        model.addAttribute("pictures", bank.pictures(code));
        model.addAttribute("optionTexts", q.options());
        return form(model, Form.of(q), null, false);
    }

    /** One option's picture: a new file replaces it, "remove" takes it away. */
    @PostMapping("/author/questions/{code}/pictures")
    String picture(@PathVariable String code, @RequestParam int option,
                   @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                   @RequestParam(defaultValue = "false") boolean remove, RedirectAttributes flash) throws IOException {
        try {
            if (remove) {
                bank.removePicture(code, option);
            } else {
                bank.setPicture(code, option, file == null ? null : file.getBytes());
            }
            flash.addFlashAttribute("notice", messages.getMessage("question.pictureSaved", null,
                    LocaleContextHolder.getLocale()));
        } catch (BusinessException e) {
            if (e.status() == 403) {
                throw e;
            }
            flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
        }
        return "redirect:/author/questions/" + code;
    }

    /** Pictures are addressed by their content hash, so they never change and cache for good. */
    @GetMapping("/media/questions/{sha}")
    org.springframework.http.ResponseEntity<byte[]> media(@PathVariable String sha) {
        return bank.picture(sha).map(p -> org.springframework.http.ResponseEntity.ok()
                        .contentType(org.springframework.http.MediaType.parseMediaType(p.mediaType()))
                        .cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofDays(365))
                                .cachePrivate().immutable())
                        .body(p.content()))
                .orElseThrow(() -> new vn.binhdan.shared.NotFoundException("error.notFound"));
    }

    private String form(Model model, Form form, String error, boolean creating) {
        model.addAttribute("form", form);
        if (error != null) {
            // otherwise an error carried over from a redirect (a refused picture) stays shown
            model.addAttribute("error", error);
        }
        model.addAttribute("creating", creating);
        model.addAttribute("framework", frameworks.current());
        model.addAttribute("groups", TargetGroup.values());
        model.addAttribute("types", QuestionType.values());
        return "author/question";
    }

    @PostMapping("/author/questions")
    String save(@RequestParam String code, @RequestParam(required = false) String competency,
                @RequestParam(required = false) Set<TargetGroup> targetGroups,
                @RequestParam(required = false) QuestionType type, @RequestParam(required = false) Integer difficulty,
                @RequestParam(required = false) String prompt, @RequestParam(required = false) List<String> options,
                @RequestParam(required = false) String answer, @RequestParam(required = false) String explanation,
                @RequestParam(defaultValue = "false") boolean creating, Model model, RedirectAttributes flash) {
        Set<TargetGroup> groups = targetGroups == null ? EnumSet.noneOf(TargetGroup.class) : targetGroups;
        List<String> opts = options == null ? List.of() : options;
        Form typed = new Form(code, competency, groups, type, difficulty, prompt, padded(opts), answer, explanation);
        try {
            if (creating && exists(code)) {
                throw new BusinessException("question.codeTaken", code);
            }
            Question saved = bank.save(new QuestionDraft(code.trim(), competency, groups, type, difficulty, prompt, opts,
                    answer, explanation));
            flash.addFlashAttribute("notice", messages.getMessage("question.saved", new Object[] {saved.code()},
                    LocaleContextHolder.getLocale()));
            return "redirect:/author/questions/" + saved.code();
        } catch (BusinessException e) {
            if (e.status() == 403) {
                throw e;
            }
            return form(model, typed, messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()),
                    creating);
        }
    }

    private boolean exists(String code) {
        try {
            bank.get(code.trim());
            return true;
        } catch (vn.binhdan.shared.NotFoundException e) {
            return false;
        }
    }

    private static List<String> padded(List<String> options) {
        List<String> out = new ArrayList<>(options);
        while (out.size() < QuestionBank.MAX_OPTIONS) {
            out.add("");
        }
        return out;
    }
}

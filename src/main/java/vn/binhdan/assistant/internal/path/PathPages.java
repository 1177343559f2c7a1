package vn.binhdan.assistant.internal.path;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.assistant.LearningPathService;
import vn.binhdan.assistant.MasteryService;
import vn.binhdan.assistant.PlacementService;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.BusinessException;

@Controller
class PathPages {

    private final LearningPathService paths;
    private final PlacementService placements;
    private final MasteryService mastery;
    private final MessageSource messages;

    PathPages(LearningPathService paths, PlacementService placements, MasteryService mastery, MessageSource messages) {
        this.paths = paths;
        this.placements = placements;
        this.mastery = mastery;
        this.messages = messages;
    }

    @GetMapping("/learn/path")
    String path(Model model) {
        model.addAttribute("path", paths.mine());
        return "path/path";
    }

    @PostMapping("/learn/placement")
    String start(@RequestParam(required = false) TargetGroup group, RedirectAttributes flash) {
        try {
            return "redirect:/learn/placement/" + placements.start(group).id();
        } catch (BusinessException e) {
            if (e.status() != 400) {
                throw e;
            }
            flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(),
                    LocaleContextHolder.getLocale()));
            return "redirect:/learn/path";
        }
    }

    @GetMapping("/learn/placement/{id}")
    String check(@PathVariable long id, Model model) {
        model.addAttribute("check", placements.get(id));
        return "path/placement";
    }

    /** Ordering questions arrive as one select per step, radio and checkbox questions as the chosen values. */
    @PostMapping("/learn/placement/{id}")
    String answer(@PathVariable long id, @RequestParam String question,
                  @RequestParam(name = "answer", required = false) List<String> answer, RedirectAttributes flash) {
        List<Integer> chosen = new ArrayList<>();
        if (answer != null) {
            for (String a : answer) {
                try {
                    chosen.add(Integer.parseInt(a.trim()));
                } catch (NumberFormatException skipped) {
                    // an ordering step left on "choose": the answer is then simply incomplete
                }
            }
        }
        try {
            placements.answer(id, question, chosen);
        } catch (BusinessException e) {
            if (e.status() != 409) {
                throw e;
            }
            // a second tap on "next" after the answer was taken: show where the check stands
        }
        return "redirect:/learn/placement/" + id;
    }

    @GetMapping("/units/{unitId}/competencies")
    String unit(@PathVariable long unitId, Model model) {
        model.addAttribute("unit", mastery.unit(unitId));
        return "path/unit";
    }
}

package vn.binhdan.community.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.community.Ambassadors;
import vn.binhdan.shared.BusinessException;

/** The cascades in the user's scope, a cascade as a nested list with its figures, and the forms that grow it. */
@Controller
class AmbassadorPages {

    private final Ambassadors ambassadors;
    private final PageSupport pages;

    AmbassadorPages(Ambassadors ambassadors, PageSupport pages) {
        this.ambassadors = ambassadors;
        this.pages = pages;
    }

    @GetMapping("/ambassadors")
    String list(Model model) {
        model.addAttribute("cascades", ambassadors.list());
        model.addAttribute("max", ambassadors.learnersPerGuide());
        return "ambassadors/list";
    }

    @GetMapping("/ambassadors/{personId}")
    String show(@PathVariable long personId, Model model) {
        model.addAttribute("cascade", ambassadors.cascade(personId));
        model.addAttribute("max", ambassadors.learnersPerGuide());
        return "ambassadors/show";
    }

    @PostMapping("/ambassadors/links")
    String link(@RequestParam(required = false) String guideId, @RequestParam(required = false) String learnerId,
                @RequestParam(required = false) String linkedOn, RedirectAttributes flash) {
        try {
            var link = ambassadors.link(PageSupport.id(guideId), PageSupport.id(learnerId), PageSupport.date(linkedOn));
            flash.addFlashAttribute("notice", pages.message("cascade.linked", link.guideName(), link.learnerName(),
                    link.position(), ambassadors.learnersPerGuide()));
            return "redirect:/ambassadors/" + link.guideId();
        } catch (BusinessException e) {
            PageSupport.rethrowAccess(e);
            flash.addFlashAttribute("error", pages.message(e));
            return "redirect:/ambassadors";
        }
    }

    @PostMapping("/ambassadors/completions")
    String completion(@RequestParam(required = false) String personId, @RequestParam(required = false) String completedOn,
                      RedirectAttributes flash) {
        try {
            var e = ambassadors.recordCompletion(PageSupport.id(personId), PageSupport.date(completedOn));
            flash.addFlashAttribute("notice", pages.message("cascade.completionSaved",
                    e.eligibleOn().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
        } catch (BusinessException e) {
            PageSupport.rethrowAccess(e);
            flash.addFlashAttribute("error", pages.message(e));
        }
        return "redirect:/ambassadors";
    }
}

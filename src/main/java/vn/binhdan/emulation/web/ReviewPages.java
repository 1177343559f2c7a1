package vn.binhdan.emulation.web;

import java.time.LocalDate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.emulation.ReviewForm;
import vn.binhdan.emulation.YearEndReviews;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;

/** The year-end reviews in the browser: who held theirs under a unit, and a commune's review form. */
@Controller
class ReviewPages {

    private final YearEndReviews reviews;
    private final MessageSource messages;

    ReviewPages(YearEndReviews reviews, MessageSource messages) {
        this.reviews = reviews;
        this.messages = messages;
    }

    @GetMapping("/emulation/reviews")
    String overview(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
                    Model model) {
        var roots = reviews.roots();
        if (unit == null && roots.isEmpty()) {
            throw new ForbiddenException("emulation.forbidden");
        }
        long unitId = unit != null ? unit : roots.getFirst().id();
        int y = year != null ? year : LocalDate.now().getYear();
        model.addAttribute("overview", reviews.overview(unitId, y));
        model.addAttribute("roots", roots);
        return "emulation/reviews";
    }

    @GetMapping("/emulation/reviews/{unitId}/{year}")
    String form(@PathVariable long unitId, @PathVariable int year, Model model) {
        model.addAttribute("review", reviews.find(unitId, year).orElse(null));
        model.addAttribute("unitId", unitId);
        model.addAttribute("unitName", reviews.overview(unitId, year).unitName());
        model.addAttribute("year", year);
        return "emulation/review";
    }

    @PostMapping("/emulation/reviews/{unitId}/{year}")
    String save(@PathVariable long unitId, @PathVariable int year, @RequestParam(required = false) LocalDate heldOn,
                @RequestParam(required = false) String chair, @RequestParam(required = false) Integer attendance,
                @RequestParam(required = false) String minutesRef, @RequestParam(required = false) String results,
                @RequestParam(required = false) String proposals, RedirectAttributes flash) {
        try {
            reviews.record(unitId, year, new ReviewForm(heldOn, chair, attendance, minutesRef, results, proposals));
            flash.addFlashAttribute("notice", messages.getMessage("emulation.review.saved", null,
                    LocaleContextHolder.getLocale()));
        } catch (BusinessException e) {
            if (e instanceof ForbiddenException || e instanceof NotFoundException) {
                throw e;
            }
            flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(),
                    LocaleContextHolder.getLocale()));
        }
        return "redirect:/emulation/reviews/" + unitId + "/" + year;
    }
}

package vn.binhdan.emulation.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.binhdan.emulation.YearEndReviews;
import vn.binhdan.shared.ForbiddenException;

/** The emulation office's landing page: year-end reviews and commendation campaigns. */
@Controller
class EmulationPages {

    private final YearEndReviews reviews;

    EmulationPages(YearEndReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/emulation")
    String home(Model model) {
        if (reviews.roots().isEmpty()) {
            throw new ForbiddenException("emulation.forbidden");
        }
        return "emulation/home";
    }
}

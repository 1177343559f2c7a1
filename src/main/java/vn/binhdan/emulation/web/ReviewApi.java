package vn.binhdan.emulation.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.emulation.ReviewForm;
import vn.binhdan.emulation.ReviewOverview;
import vn.binhdan.emulation.YearEndReview;
import vn.binhdan.emulation.YearEndReviews;
import vn.binhdan.shared.NotFoundException;

/** Year-end reviews from an app: a commune records its review (PUT, so sending it again is harmless). */
@RestController
@RequestMapping("/api/v1")
class ReviewApi {

    private final YearEndReviews reviews;

    ReviewApi(YearEndReviews reviews) {
        this.reviews = reviews;
    }

    @PutMapping("/units/{unitId}/year-end-reviews/{year}")
    YearEndReview record(@PathVariable long unitId, @PathVariable int year, @RequestBody ReviewForm form) {
        return reviews.record(unitId, year, form);
    }

    @GetMapping("/units/{unitId}/year-end-reviews/{year}")
    YearEndReview get(@PathVariable long unitId, @PathVariable int year) {
        return reviews.find(unitId, year).orElseThrow(() -> new NotFoundException("emulation.review.notFound"));
    }

    @GetMapping("/year-end-reviews")
    ReviewOverview overview(@RequestParam long unitId, @RequestParam int year) {
        return reviews.overview(unitId, year);
    }
}

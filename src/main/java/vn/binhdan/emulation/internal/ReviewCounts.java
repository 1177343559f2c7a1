package vn.binhdan.emulation.internal;

import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import vn.binhdan.monitoring.Counted;
import vn.binhdan.monitoring.CountedSource;
import vn.binhdan.monitoring.Metrics;

/** The year-end reviews from their rows, as {@code YearEndReviews} counts them live. */
@Component
class ReviewCounts implements CountedSource {

    private final ReviewRepository repo;

    ReviewCounts(ReviewRepository repo) {
        this.repo = repo;
    }

    @Override
    public void forEachCount(Consumer<Counted.Count> sink) {
        repo.forEachHeld((path, day) -> sink.accept(new Counted.Count(Metrics.YEAR_END_REVIEWS, path, day, 1)));
    }
}

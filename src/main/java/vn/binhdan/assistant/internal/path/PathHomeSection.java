package vn.binhdan.assistant.internal.path;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.binhdan.assistant.LearningPathService;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.web.HomeCard;
import vn.binhdan.shared.web.HomeSection;

/**
 * The first thing a learner sees after signing in: the next lesson their path recommends, or
 * the placement check when they have not taken it, and the assistant one question away.
 */
@Component
class PathHomeSection implements HomeSection {

    private final LearningPathService paths;

    PathHomeSection(LearningPathService paths) {
        this.paths = paths;
    }

    @Override
    public Optional<HomeCard> card(AppUser user) {
        if (user.personId() == null) {
            return Optional.empty(); // an account with no registry record has no learning of its own
        }
        return Optional.of(new HomeCard(10, "path/home-card", paths.mine()));
    }
}

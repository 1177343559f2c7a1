package vn.binhdan.contest.web;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.binhdan.contest.ContestEntries;
import vn.binhdan.contest.MyRound;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.web.HomeCard;
import vn.binhdan.shared.web.HomeSection;

/** An open round on the home page of anyone who may enter it: the rush starts from here. */
@Component
class ContestHomeSection implements HomeSection {

    private final ContestEntries entries;

    ContestHomeSection(ContestEntries entries) {
        this.entries = entries;
    }

    @Override
    public Optional<HomeCard> card(AppUser user) {
        if (user.personId() == null) {
            return Optional.empty();
        }
        List<MyRound> open = entries.myRounds().stream().filter(r -> "OPEN".equals(r.status())).toList();
        return open.isEmpty() ? Optional.empty() : Optional.of(new HomeCard(20, "contest/home-card", open));
    }
}

package vn.binhdan.emulation.web;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.binhdan.emulation.Reward;
import vn.binhdan.emulation.RewardProposals;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.web.HomeCard;
import vn.binhdan.shared.web.PersonSection;

/** The rewards a person has received, on their page in the registry. */
@Component
class RewardPersonSection implements PersonSection {

    private final RewardProposals rewards;

    RewardPersonSection(RewardProposals rewards) {
        this.rewards = rewards;
    }

    @Override
    public Optional<HomeCard> panel(long personId) {
        try {
            List<Reward> list = rewards.rewardsOfPerson(personId);
            return list.isEmpty() ? Optional.empty() : Optional.of(new HomeCard(50, "emulation/rewards", list));
        } catch (BusinessException e) {
            return Optional.empty();
        }
    }
}

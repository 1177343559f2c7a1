package vn.binhdan.emulation;

import java.time.LocalDate;
import java.util.List;

/** A decision with its annex: who is commended and with which form of reward. */
public record RewardDecision(long id, long campaignId, String campaignTitle, String number, LocalDate decidedOn,
                             List<Line> annex) {

    public record Line(int position, String candidateName, String kind, String unitName, RewardForm rewardForm,
                       String reason) {
    }
}

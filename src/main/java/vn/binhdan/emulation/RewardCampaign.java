package vn.binhdan.emulation;

import java.util.List;

/** A commendation campaign with the proposals the reader may see and the decisions made in it. */
public record RewardCampaign(long id, long unitId, String unitName, String title, int year, boolean appraiser,
                             List<Proposal> proposals, List<RewardDecision> decisions) {
}

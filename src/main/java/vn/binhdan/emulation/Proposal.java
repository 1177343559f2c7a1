package vn.binhdan.emulation;

import java.time.Instant;
import java.time.LocalDate;

/** A proposal as its reader sees it, with what the reader may do with it now. */
public record Proposal(long id, long campaignId, long proposerUnitId, String proposerUnitName, String kind,
                       Long candidateUnitId, Long personId, String candidateName, RewardForm rewardForm,
                       String reason, ProposalStatus status, Instant submittedAt, String appraisalNote,
                       Long decisionId, String decisionNumber, LocalDate decidedOn, Actions actions) {

    public record Actions(boolean submit, boolean appraise, boolean decide) {
    }
}

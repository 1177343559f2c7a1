package vn.binhdan.emulation;

/** A candidate: a unit ({@code candidateUnitId}) or a person ({@code personId}), never both. */
public record ProposalForm(Long proposerUnitId, Long candidateUnitId, Long personId, RewardForm rewardForm,
                           String reason) {
}

package vn.binhdan.emulation;

import java.time.LocalDate;

/** One entry of a unit's or a person's reward history: a decided proposal. */
public record Reward(String campaignTitle, int year, RewardForm rewardForm, String decisionNumber,
                     LocalDate decidedOn, String reason) {
}

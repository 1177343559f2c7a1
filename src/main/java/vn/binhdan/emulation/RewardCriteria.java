package vn.binhdan.emulation;

/**
 * A campaign's criteria, set as data by the emulation office: a unit is proposed only if it met at
 * least {@code minTargetsMetPercent} % of its targets in the campaign's year (none when null).
 */
public record RewardCriteria(Integer minTargetsMetPercent) {
}

package vn.binhdan.emulation;

/**
 * A candidate the data points at: a top unit of the emulation ranking ({@code RANKING}) or a
 * recognised model citizen ({@code MODEL_CITIZEN}). Only a hint: the unit decides whom to propose.
 */
public record Suggestion(String source, Long unitId, Long personId, String name, String why) {
}

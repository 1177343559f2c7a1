package vn.binhdan.contest;

/** Participation of one unit (its whole subtree): people who entered, inhabitants, and per 1,000 inhabitants. */
public record UnitStanding(long unitId, String unitName, boolean hasChildren, long participants, long inhabitants,
                           Double perThousand) {
}

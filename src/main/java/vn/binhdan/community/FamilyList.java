package vn.binhdan.community;

import java.util.List;

/** A unit's digital families: how many count today, each declaration, and households that could be declared. */
public record FamilyList(long unitId, String unitName, long households, int count, List<DigitalFamily> families,
                         List<FamilyCandidate> candidates) {
}

package vn.binhdan.community;

import java.time.LocalDate;

/** A published recognition as anyone may read it: the name and the unit only. */
public record Recognised(NominationKind kind, String name, String unitName, LocalDate recognisedOn) {
}

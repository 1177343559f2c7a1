package vn.binhdan.people;

/** Membership of a target group through an organisation (agency, school, enterprise). */
public record Membership(TargetGroup group, Long orgUnitId, String orgUnitName, SchoolLevel schoolLevel) {
}

package vn.binhdan.community;

/** A new team, or changes to one. */
public record TeamForm(Long unitId, String name, Team.Kind kind, String phone, String email) {
}

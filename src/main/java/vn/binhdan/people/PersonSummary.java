package vn.binhdan.people;

/** A search hit: enough to tell people apart, without the full birth date. */
public record PersonSummary(long id, String fullName, int birthYear, Sex sex, String unitName, String idLast3) {
}

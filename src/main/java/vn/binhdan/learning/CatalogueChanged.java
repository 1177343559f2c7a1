package vn.binhdan.learning;

/**
 * What learners can find in the catalogue changed: a course was published or withdrawn, or a
 * published course, module or lesson was edited. Published inside the transaction that made
 * the change.
 */
public record CatalogueChanged(String courseCode) {
}

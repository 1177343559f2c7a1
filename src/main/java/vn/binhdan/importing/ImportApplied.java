package vn.binhdan.importing;

/** A file of the given kind was applied in full: figures derived from its rows may be stale. */
public record ImportApplied(String kind, String jobId, long created, long updated) {
}

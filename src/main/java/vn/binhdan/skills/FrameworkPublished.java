package vn.binhdan.skills;

/** A new framework version became the current one. */
public record FrameworkPublished(String version, String previousVersion) {
}

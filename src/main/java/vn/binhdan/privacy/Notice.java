package vn.binhdan.privacy;

import java.time.Instant;

/** One published version of a unit's privacy notice. */
public record Notice(long id, long unitId, String unitName, int version, String title, String body, String contact,
                     String publishedBy, Instant publishedAt) {
}

package vn.binhdan.shared.shipped;

import java.time.Instant;

/**
 * A shipped piece the province edited, whose newer release waits: the province's copy beside the
 * release's, for an author to merge by hand. {@code here} is null when the province retired it.
 */
public record ShippedUpdate(String kind, String code, Instant waitingSince, Object here, Object shipped) {
}

package vn.binhdan.privacy;

import java.util.List;
import java.util.Map;

/**
 * What a deletion did, told to the person before their account closes.
 *
 * @param anonymised kind of data (in words) → records changed
 * @param kept       what stays and why: the registry by legal duty, certificates, counts
 */
public record Erasure(Map<String, Integer> anonymised, List<String> kept) {
}

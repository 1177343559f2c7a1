package vn.binhdan.privacy;

import java.util.List;

/**
 * Whether the signed-in person's account may be deleted, told before they ask.
 *
 * @param holds the legal duties that keep their learning data, in words; empty when none
 * @param kept  what stays even after a deletion, and why
 */
public record ErasureCheck(List<String> holds, List<String> kept) {
}

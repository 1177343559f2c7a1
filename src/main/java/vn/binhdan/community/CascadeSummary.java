package vn.binhdan.community;

/** A cascade in a list: its first guide, depth, people reached, how many completed, and stuck guides. */
public record CascadeSummary(long rootId, String rootName, String unitName, int generations, int reached,
                             int completed, int stuck) {
}

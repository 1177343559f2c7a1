package vn.binhdan.contest;

/** How units compete for the collective prizes: by head count, or fairly to small communes per 1,000 inhabitants. */
public enum CollectiveBasis {
    PARTICIPANTS,
    PER_THOUSAND
}

package vn.binhdan.contest;

/** Which of a person's entries in a round counts when several are allowed. */
public enum Counts {
    BEST,
    FIRST
}

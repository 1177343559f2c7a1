package vn.binhdan.community;

/** Whether the person can now do it alone, or someone should come back. */
public enum GuidanceOutcome {
    DONE, FOLLOW_UP
}

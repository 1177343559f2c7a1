package vn.binhdan.shared.privacy;

/**
 * Processing a person may refuse. The registry itself is kept by legal duty and is not here:
 * it is explained in the notice, never asked for.
 */
public enum ConsentPurpose {
    /** The assistant keeps the questions a person asks, to improve its answers. */
    ASSISTANT_HISTORY,
    /** A recognised model citizen's name on the public list. */
    PUBLIC_MODEL_LIST,
    /** A contestant's name on contest leaderboards (else shown without a name). */
    LEADERBOARD_NAME
}

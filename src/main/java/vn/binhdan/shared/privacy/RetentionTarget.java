package vn.binhdan.shared.privacy;

import java.time.Instant;

/**
 * A kind of record whose personal data must not outlive its retention rule. The module that owns
 * the records deletes or anonymises them; the privacy module keeps the rules and runs them.
 */
public interface RetentionTarget {

    /** The rule's kind, e.g. {@code GUIDANCE_NAME}. */
    String kind();

    /** Deletes or anonymises what was recorded before {@code cutoff}; returns how many records changed. */
    int expire(Instant cutoff);
}

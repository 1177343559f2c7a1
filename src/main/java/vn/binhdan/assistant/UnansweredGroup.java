package vn.binhdan.assistant;

import java.time.Instant;
import java.util.List;

/**
 * Questions the assistant could not answer, for content authors: one group gathers the questions
 * whose folded keywords overlap strongly, so "đổi mật khẩu wifi" and "cách đổi mật khẩu wifi nhà"
 * are counted together. {@code keywords} are the folded keywords of the group's most asked wording
 * (as before groups were merged), {@code label} its most frequent keywords, {@code variants} every
 * keyword set merged into it; {@code examples} are recent questions, stored without ID or phone numbers.
 */
public record UnansweredGroup(String keywords, long count, Instant lastAskedAt, List<String> examples, String label,
                              List<String> variants) {

    /** The shape before similar groups were merged: one keyword set, labelled by itself. */
    public UnansweredGroup(String keywords, long count, Instant lastAskedAt, List<String> examples) {
        this(keywords, count, lastAskedAt, examples, keywords, List.of(keywords));
    }
}

package vn.binhdan.assessment;

import java.time.Instant;
import java.util.List;
import vn.binhdan.people.TargetGroup;

/**
 * An attempt as the learner sees it while taking it: prompts and options in the order drawn for
 * this attempt, and the learner's own answers. Nothing here tells which option is right.
 */
public record ExamForm(String attemptId, TargetGroup targetGroup, boolean active, Instant startedAt,
                       Instant deadline, long secondsLeft, int passPercent, List<Item> items) {

    /**
     * {@code choice}: shown option positions the learner picked (for ordering, in their order);
     * empty if none. {@code pictures}: per shown option, the address of its picture (the option's
     * text is its alt text) or null; empty when the question has none.
     */
    public record Item(int position, QuestionType type, String prompt, List<String> options, List<Integer> choice,
                       List<String> pictures) {
    }

    @com.fasterxml.jackson.annotation.JsonProperty
    public long answered() {
        return items.stream().filter(i -> !i.choice().isEmpty()).count();
    }
}

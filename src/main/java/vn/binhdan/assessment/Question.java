package vn.binhdan.assessment;

import java.util.List;
import java.util.Set;
import vn.binhdan.people.TargetGroup;

/**
 * A question with its answer, as content authors see it. {@code answer} holds the indexes of the
 * right options, or for {@link QuestionType#ORDERING} the option indexes in their right order.
 */
public record Question(String code, String frameworkVersion, String competency, Set<TargetGroup> targetGroups,
                       QuestionType type, int difficulty, String prompt, List<String> options, List<Integer> answer,
                       String explanation, boolean active, long timesUsed, long timesCorrect) {

    /** Share of the answers that were right, or null before any use. */
    public Double correctRate() {
        return timesUsed == 0 ? null : (double) timesCorrect / timesUsed;
    }
}

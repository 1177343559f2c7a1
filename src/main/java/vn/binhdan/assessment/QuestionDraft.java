package vn.binhdan.assessment;

import java.util.List;
import java.util.Set;
import vn.binhdan.people.TargetGroup;

/**
 * A question as an author writes it, before checking: options in order, the answer as letters
 * ("B", "A, C", for ordering "C, A, B") or "Đúng"/"Sai" for a true/false question.
 */
public record QuestionDraft(String code, String competency, Set<TargetGroup> targetGroups, QuestionType type,
                            Integer difficulty, String prompt, List<String> options, String answer,
                            String explanation) {
}

package vn.binhdan.assessment;

import java.util.Set;

/**
 * Questions of the bank a person has already met outside an exam (the placement check asks the
 * exam's own bank). An exam form avoids them while the bank has others, as it avoids the questions
 * of earlier attempts: an exam should measure what was learned, not what was seen minutes before.
 */
public interface QuestionsMetElsewhere {

    /** Codes of the bank's questions this person has been shown. */
    Set<String> questionCodes(long personId);
}

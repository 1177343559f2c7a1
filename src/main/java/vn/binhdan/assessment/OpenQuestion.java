package vn.binhdan.assessment;

import java.util.List;

/**
 * A question as a learner may see it outside an exam: no answer, no explanation; with the
 * bank's usage so that a caller can calibrate its difficulty.
 */
public record OpenQuestion(String code, String frameworkVersion, String competency, QuestionType type,
                           int difficulty, String prompt, List<String> options, long timesUsed, long timesCorrect) {
}

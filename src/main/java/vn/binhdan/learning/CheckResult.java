package vn.binhdan.learning;

import java.util.List;

/**
 * The grading of a lesson's check questions; the right answers are shown only after answering.
 * Serializable: it crosses the redirect as a flash attribute, kept in the session, which lives
 * in the database.
 */
public record CheckResult(int correct, int total, boolean lessonCompleted, List<Item> items)
        implements java.io.Serializable {

    public record Item(int index, boolean correct, List<Integer> chosen, List<Integer> rightOptions,
                       String explanation) implements java.io.Serializable {
    }

    public boolean allCorrect() {
        return correct == total;
    }
}

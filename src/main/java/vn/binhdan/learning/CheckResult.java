package vn.binhdan.learning;

import java.util.List;

/** The grading of a lesson's check questions; the right answers are shown only after answering. */
public record CheckResult(int correct, int total, boolean lessonCompleted, List<Item> items) {

    public record Item(int index, boolean correct, List<Integer> chosen, List<Integer> rightOptions,
                       String explanation) {
    }

    public boolean allCorrect() {
        return correct == total;
    }
}

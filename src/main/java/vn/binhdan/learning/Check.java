package vn.binhdan.learning;

import java.util.List;

/** A short check question of a lesson; {@code correct} holds 0-based option indexes. */
public record Check(String prompt, List<String> options, List<Integer> correct, String explanation) {

    public Check {
        options = List.copyOf(options);
        correct = List.copyOf(correct);
    }

    public boolean multiple() {
        return correct.size() > 1;
    }
}

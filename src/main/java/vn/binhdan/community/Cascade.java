package vn.binhdan.community;

import java.time.LocalDate;
import java.util.List;

/**
 * One ambassador cascade: the tree from its first guide, how deep it goes, how many people it
 * reached (everyone below the first guide), the share of each generation that completed the basic
 * course or was certified, and the guides that are stuck.
 */
public record Cascade(Node root, int generations, int reached, List<Generation> perGeneration, List<StuckGuide> stuck) {

    /** {@code name} is null for a person outside the reader's scope. */
    public record Node(long personId, String name, String unitName, int generation, boolean completed,
                       LocalDate completedOn, LocalDate linkedOn, List<Node> learners) {
    }

    /** {@code share} is a percentage (0–100) of the generation that completed. */
    public record Generation(int number, int people, int completed, double share) {
    }

    public enum StuckReason { NO_LEARNER_COMPLETED, FEWER_LEARNERS }

    public record StuckGuide(long personId, String name, int generation, int learners, int learnersCompleted,
                             StuckReason reason, LocalDate since, long days) {
    }
}

package vn.binhdan.campaign;

import java.util.List;

/**
 * A plan with the tasks the user may see, grouped by section, and the names no unit was found
 * for (empty unless the user may edit the plan).
 */
public record PlanDetail(Plan plan, List<PlanSection> sections, List<PlanUnmatchedName> unmatched) {

    public PlanDetail {
        sections = List.copyOf(sections);
        unmatched = List.copyOf(unmatched);
    }

    public int taskCount() {
        return sections.stream().mapToInt(s -> s.tasks().size()).sum();
    }
}

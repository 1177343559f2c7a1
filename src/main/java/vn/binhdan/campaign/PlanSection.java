package vn.binhdan.campaign;

import java.util.List;

/** A heading of the task table ("I. Truyền thông…") with the visible tasks under it; id null for tasks before any heading. */
public record PlanSection(Long id, String number, String title, List<PlanTask> tasks) {

    public PlanSection {
        tasks = List.copyOf(tasks);
    }
}

package vn.binhdan.campaign;

import java.util.List;

/**
 * A task with its plan, section, progress notes and evidence.
 *
 * @param canContribute whether the user may add notes and evidence (whoever may see the task:
 *                      its plan's units, its lead and co-ordinating units)
 */
public record PlanTaskDetail(Plan plan, PlanSection section, PlanTask task, List<PlanTaskNote> notes,
                         List<PlanTaskEvidence> evidence, boolean canContribute) {

    public PlanTaskDetail {
        notes = List.copyOf(notes);
        evidence = List.copyOf(evidence);
    }
}

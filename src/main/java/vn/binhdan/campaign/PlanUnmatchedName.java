package vn.binhdan.campaign;

/** A unit name of a task that matched no unit: {@code linkId} is what to link by hand. */
public record PlanUnmatchedName(long linkId, long taskId, String taskNumber, String taskContent, PlanTaskRole role,
                            String name) {
}

package vn.binhdan.campaign;

/**
 * A lead or co-ordinating unit of a task as the plan names it, and what that name was linked to:
 * one unit, a {@link PlanCollective}, or nothing yet (then an officer links it by hand).
 *
 * @param id   the link's id, used to link an unmatched name
 * @param name the name as written in the plan
 */
public record PlanTaskUnit(long id, PlanTaskRole role, String name, Long unitId, String unitName, PlanCollective collective) {

    public boolean matched() {
        return unitId != null || collective != null;
    }
}

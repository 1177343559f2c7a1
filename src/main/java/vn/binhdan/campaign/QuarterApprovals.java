package vn.binhdan.campaign;

/**
 * Whether a unit's report for a quarter has been approved by the level above. Reporting answers
 * it (it owns the approvals and already depends on this module); the budget asks it before any
 * spending of that quarter is changed, so an approved report's money never moves under it.
 */
public interface QuarterApprovals {

    boolean approved(long unitId, int year, int quarter);
}

package vn.binhdan.reporting;

/**
 * Where a report stands. {@code NOT_STARTED} is never stored: it is how a report nobody has
 * saved yet is shown. A returned report is edited and submitted again; an approved one is final.
 */
public enum ReportStatus {
    NOT_STARTED, DRAFT, SUBMITTED, APPROVED, RETURNED;

    /** Still with the unit: not (or no longer) handed to the level above. */
    public boolean withUnit() {
        return this == NOT_STARTED || this == DRAFT || this == RETURNED;
    }

    /** Handed in: counts as reported for completeness. */
    public boolean reported() {
        return this == SUBMITTED || this == APPROVED;
    }
}

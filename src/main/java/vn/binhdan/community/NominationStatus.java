package vn.binhdan.community;

/**
 * DRAFT → SUBMITTED → COMMUNE_APPROVED → PUBLISHED (approved by the province), or RETURNED with
 * a comment at either level and submitted again; a published recognition may be WITHDRAWN.
 */
public enum NominationStatus {
    DRAFT, SUBMITTED, COMMUNE_APPROVED, PUBLISHED, RETURNED, WITHDRAWN;

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}

package vn.binhdan.emulation;

/** DRAFT → SUBMITTED → ACCEPTED or REJECTED by the appraisal → DECIDED (accepted ones only). */
public enum ProposalStatus {
    DRAFT, SUBMITTED, ACCEPTED, REJECTED, DECIDED
}

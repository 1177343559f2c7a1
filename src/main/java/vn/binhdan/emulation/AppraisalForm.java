package vn.binhdan.emulation;

/** The appraisal: accepted, or rejected with a reason ({@code note}). */
public record AppraisalForm(Boolean accepted, String note) {
}

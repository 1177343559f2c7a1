package vn.binhdan.campaign;

import java.time.LocalDate;

/**
 * A partner's commitment. {@code budgetLineId} names the sponsorship line it pays into;
 * {@code supportsKind} (CLASS, EVENT or CONTEST_PRIZE) with {@code supportsId} what it supported.
 * {@code currency} may be omitted, and must be VND when given.
 */
public record CommitmentForm(CommitmentKind kind, String description, Long quantity, LocalDate startsOn,
                             LocalDate endsOn, Long budgetLineId, String supportsKind, Long supportsId, String currency) {
}

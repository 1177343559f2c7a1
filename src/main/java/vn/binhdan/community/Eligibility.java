package vn.binhdan.community;

import java.time.LocalDate;

/** Since when a person may guide learners of their own, and why. */
public record Eligibility(long personId, LocalDate eligibleOn, String reason) {
}

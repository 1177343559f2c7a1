package vn.binhdan.emulation;

import java.time.LocalDate;

/** What a commune writes down about its year-end review. */
public record ReviewForm(LocalDate heldOn, String chair, Integer attendance, String minutesRef, String results,
                         String proposals) {
}

package vn.binhdan.contest;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A round as its organiser sets it up. Questions are drawn from the bank by {@code draw}, and/or
 * named one by one in {@code questionCodes} (questions written for the contest go into the bank
 * first, so they are graded by the same rules).
 */
public record RoundForm(@Size(max = 300) String title, Instant opensAt, Instant closesAt, Integer timeLimitMinutes,
                        Integer entriesAllowed, Counts counts, Integer prizes, List<DrawLine> draw,
                        List<String> questionCodes) {
}

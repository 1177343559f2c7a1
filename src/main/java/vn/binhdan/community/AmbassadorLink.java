package vn.binhdan.community;

import java.time.LocalDate;

/** A guide and one of their learners, and the learner's place in the guide's list (1 to 5). */
public record AmbassadorLink(long guideId, String guideName, long learnerId, String learnerName, LocalDate linkedOn,
                             int position) {
}

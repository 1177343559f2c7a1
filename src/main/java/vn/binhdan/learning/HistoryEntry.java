package vn.binhdan.learning;

import java.time.Instant;

/** One line of "my learning history", from the learning statements. */
public record HistoryEntry(Instant at, String verb, String courseCode, String lessonCode, String title,
                           Integer scorePercent) {

    private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    /** The time as the learner reads it, in Vietnam. */
    public java.time.LocalDateTime localTime() {
        return java.time.LocalDateTime.ofInstant(at, VIETNAM);
    }
}

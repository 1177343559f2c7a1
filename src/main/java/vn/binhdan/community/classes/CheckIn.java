package vn.binhdan.community.classes;

import java.time.LocalDate;

/** The outcome of a check-in: {@code already} when the person was already present (counted once). */
public record CheckIn(long classId, String classTitle, long sessionId, LocalDate sessionDate, long personId,
                      String fullName, boolean already) {
}

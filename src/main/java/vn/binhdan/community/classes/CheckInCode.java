package vn.binhdan.community.classes;

import java.time.LocalDate;

/** What the teacher shows: the signed code of one session, valid on {@code validOn} only. */
public record CheckInCode(long sessionId, LocalDate validOn, String token) {
}

package vn.binhdan.community.classes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

public record ClassSession(long id, LocalDate date, LocalTime startsAt, LocalTime endsAt, Instant heldAt,
                           int attendance) {

    public boolean held() {
        return heldAt != null;
    }
}

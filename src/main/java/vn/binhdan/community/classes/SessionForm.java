package vn.binhdan.community.classes;

import java.time.LocalDate;
import java.time.LocalTime;

public record SessionForm(LocalDate date, LocalTime startsAt, LocalTime endsAt) {
}

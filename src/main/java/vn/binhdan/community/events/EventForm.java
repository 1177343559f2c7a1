package vn.binhdan.community.events;

import java.time.LocalDate;

/** {@code unitId}: the organising unit; units beneath it report their participants. */
public record EventForm(EventKind kind, String title, LocalDate heldOn, Long unitId) {
}

package vn.binhdan.community.events;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** {@code unitId}: the organising unit; units beneath it report their participants. */
public record EventForm(EventKind kind, @Size(max = 300) String title, LocalDate heldOn, Long unitId) {
}

package vn.binhdan.privacy;

import jakarta.validation.constraints.Size;
import java.time.Instant;

/** @param affected whose data, as groups and counts, never names */
public record BreachForm(Long unitId, @Size(max = 4000) String description, Instant foundAt,
                         @Size(max = 2000) String affected, @Size(max = 4000) String actions, Instant notifiedAt) {
}

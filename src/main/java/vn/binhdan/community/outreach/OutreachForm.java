package vn.binhdan.community.outreach;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** {@code copies}: how many posters, leaflets or messages, when it matters; the item counts once either way. */
public record OutreachForm(Long unitId, LocalDate publishedOn, OutreachChannel channel, @Size(max = 300) String title,
                           @Size(max = 1000) String link, Integer copies) {
}

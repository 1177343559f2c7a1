package vn.binhdan.community.outreach;

import java.time.LocalDate;

/** {@code copies}: how many posters, leaflets or messages, when it matters; the item counts once either way. */
public record OutreachForm(Long unitId, LocalDate publishedOn, OutreachChannel channel, String title, String link,
                           Integer copies) {
}

package vn.binhdan.community.outreach;

import java.time.Instant;
import java.time.LocalDate;

public record OutreachItem(long id, long unitId, String unitName, LocalDate publishedOn, OutreachChannel channel,
                           String title, String link, Integer copies, Instant withdrawnAt, String createdBy) {

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}

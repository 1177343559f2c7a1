package vn.binhdan.community.outreach;

import java.time.LocalDate;
import java.util.List;
import vn.binhdan.community.CommunityEvent;

/** An outreach item counts once at its unit on the day it went out, whatever the number of copies. */
public record OutreachPublished(long itemId, OutreachChannel channel, String unitPath, LocalDate day)
        implements CommunityEvent {

    @Override
    public String eventId() {
        return "outreach:" + itemId;
    }

    @Override
    public List<Count> counts() {
        return List.of(new Count(channel.tally(), unitPath, day, 1, channel.name()));
    }
}

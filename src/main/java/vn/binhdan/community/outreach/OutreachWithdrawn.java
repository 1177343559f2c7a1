package vn.binhdan.community.outreach;

import java.time.LocalDate;
import java.util.List;
import vn.binhdan.community.CommunityEvent;

/** An item recorded by mistake, taken back. */
public record OutreachWithdrawn(long itemId, OutreachChannel channel, String unitPath, LocalDate day)
        implements CommunityEvent {

    @Override
    public String eventId() {
        return "outreach-withdrawn:" + itemId;
    }

    @Override
    public List<Count> counts() {
        return List.of(new Count(channel.tally(), unitPath, day, -1, channel.name()));
    }
}

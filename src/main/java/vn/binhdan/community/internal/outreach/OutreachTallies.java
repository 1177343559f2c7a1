package vn.binhdan.community.internal.outreach;

import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import vn.binhdan.community.CommunityEvent.Count;
import vn.binhdan.community.internal.TallySource;
import vn.binhdan.community.outreach.OutreachChannel;

/** Every item not withdrawn counts once, at its unit on its day, to its channel's tally. */
@Component
class OutreachTallies implements TallySource {

    private final OutreachRepository repo;

    OutreachTallies(OutreachRepository repo) {
        this.repo = repo;
    }

    @Override
    public void forEachCount(Consumer<Count> sink) {
        repo.forEachStanding(r -> sink.accept(new Count(OutreachChannel.valueOf(r.channel()).tally(), r.unitPath(),
                r.publishedOn(), 1, r.channel())));
    }
}

package vn.binhdan.community;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import vn.binhdan.community.CommunityEvent.Count;
import vn.binhdan.community.internal.TallySource;

/** The counts of every community record, recomputed from the rows rather than from events. */
@Service
public class CommunityTallies {

    private final List<TallySource> sources;

    CommunityTallies(List<TallySource> sources) {
        this.sources = sources;
    }

    public void forEachCount(Consumer<Count> sink) {
        for (TallySource s : sources) {
            s.forEachCount(sink);
        }
    }
}

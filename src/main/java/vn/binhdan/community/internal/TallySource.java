package vn.binhdan.community.internal;

import java.util.function.Consumer;
import vn.binhdan.community.CommunityEvent.Count;

/**
 * One kind of community record, counted again from its rows. The sum of everything a source
 * hands out must equal the sum of the counts its events published: the rollup check compares them.
 */
public interface TallySource {

    void forEachCount(Consumer<Count> sink);
}

package vn.binhdan.monitoring;

import java.util.function.Consumer;

/** The counts of {@link Counted} events again, from the module's own rows: what the recount compares the live values with. */
public interface CountedSource {

    void forEachCount(Consumer<Counted.Count> sink);
}

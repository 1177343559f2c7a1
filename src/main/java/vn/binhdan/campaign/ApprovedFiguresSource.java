package vn.binhdan.campaign;

import java.util.function.Consumer;

/**
 * Every approval standing in the reports, replayed as the {@link ApprovedFigures} it published:
 * what the rollup check compares the stored values with, and what a rebuild stores again.
 * Implemented by {@code reporting}; declared here for the same reason as the event.
 */
public interface ApprovedFiguresSource {

    void forEachApproved(Consumer<ApprovedFigures> sink);
}

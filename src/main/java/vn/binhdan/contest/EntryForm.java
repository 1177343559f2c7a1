package vn.binhdan.contest;

import java.time.Instant;
import java.util.List;

/**
 * An entry as its contestant sees it: questions in this entry's own order, options in this
 * entry's own order, the answers saved so far (shown positions), never an answer key.
 */
public record EntryForm(String entryId, long roundId, String contestTitle, String roundTitle, boolean active,
                        Instant startedAt, Instant deadline, long secondsLeft, int entryNumber, int entriesAllowed,
                        Long prediction, List<Item> items) {

    public record Item(int position, String type, String prompt, List<String> options, List<Integer> choice) {
    }

    public long answered() {
        return items.stream().filter(i -> !i.choice().isEmpty()).count();
    }
}

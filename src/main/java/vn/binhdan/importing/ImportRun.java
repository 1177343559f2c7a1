package vn.binhdan.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.tabular.Cell;
import vn.binhdan.shared.tabular.TabularFormat;

/** What an importer gets to do its work: the file, the column mapping, and sinks for progress and errors. */
public interface ImportRun {

    String jobId();

    Path file();

    TabularFormat format();

    /** Field key → column index in the file; fields left unmapped are absent. */
    Map<String, Integer> mapping();

    AppUser user();

    /** Counts one more row read; cheap enough to call per row. */
    void rowRead();

    /** Records an error for a row; the message key is resolved in Vietnamese for the report. */
    void error(long rowNo, String messageKey, Object... args);

    long errorCount();

    /** The cell mapped to the field, or an empty cell when the field is not mapped. */
    default Cell cell(List<Cell> cells, String field) {
        Integer i = mapping().get(field);
        if (i == null || i >= cells.size()) {
            return Cell.EMPTY;
        }
        return cells.get(i);
    }
}

package vn.binhdan.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.tabular.Cell;
import vn.binhdan.shared.tabular.RowHandler;
import vn.binhdan.shared.tabular.TabularFormat;
import vn.binhdan.shared.tabular.TabularReader;

/** What an importer gets to do its work: the file, the column mapping, and sinks for progress and errors. */
public interface ImportRun {

    String jobId();

    Path file();

    TabularFormat format();

    /** The row the header was found on at upload (a title may stand above it). */
    long headerRow();

    /** Field key → column index in the file; fields left unmapped are absent. */
    Map<String, Integer> mapping();

    AppUser user();

    /** Counts one more row read; cheap enough to call per row. */
    void rowRead();

    /** Records an error for a row; the message key is resolved in Vietnamese for the report. */
    void error(long rowNo, String messageKey, Object... args);

    long errorCount();

    /**
     * Streams the file's rows below the header the user saw in the preview: an importer reading
     * the file itself would take a title row above it for the header.
     */
    default void read(RowHandler handler) {
        TabularReader.read(file(), format(), headerRow(), handler);
    }

    /** The cell mapped to the field, or an empty cell when the field is not mapped. */
    default Cell cell(List<Cell> cells, String field) {
        Integer i = mapping().get(field);
        if (i == null || i >= cells.size()) {
            return Cell.EMPTY;
        }
        return cells.get(i);
    }
}

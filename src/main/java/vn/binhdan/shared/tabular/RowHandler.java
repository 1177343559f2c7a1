package vn.binhdan.shared.tabular;

import java.util.List;

@FunctionalInterface
public interface RowHandler {

    /** Called once with the header row, before any data row. */
    default void header(List<String> names) {
    }

    /**
     * @param rowNo the row number a user sees in a spreadsheet (the header is row 1)
     * @param cells the row's cells, as many as the header has columns
     */
    void row(long rowNo, List<Cell> cells);
}

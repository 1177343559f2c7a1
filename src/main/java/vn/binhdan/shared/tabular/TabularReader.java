package vn.binhdan.shared.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Streams the rows of a CSV or XLSX file without holding the file in memory, so a file of a
 * million rows is read in constant space. The header is the first non-empty row, or the row a
 * caller found with {@link #findHeader} (files often carry a title above it). Rows come with as
 * many cells as the header has columns, never more than {@link #MAX_COLUMNS}.
 */
public final class TabularReader {

    /** No list an office keeps has more columns; a file claiming more is refused, not padded. */
    public static final int MAX_COLUMNS = 200;
    /** How far down a title, a date line and blank rows may push the header. */
    public static final int HEADER_SEARCH_ROWS = 20;

    private TabularReader() {
    }

    /** What the two parsers deliver: every row with its number, cut at {@link #MAX_COLUMNS}. */
    interface RawRows {
        /** @param overflow whether a non-empty cell lay past the limit and was dropped */
        void row(long rowNo, List<Cell> cells, boolean overflow);
    }

    public static TabularFormat detect(Path file, String fileName) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = new byte[8];
            int n = in.readNBytes(head, 0, head.length);
            if (n == 0) {
                throw new TabularException("import.error.emptyFile");
            }
            return TabularFormat.detect(fileName, head, n);
        } catch (IOException e) {
            throw new TabularException("import.error.unreadable");
        }
    }

    /**
     * The number of the row that reads best as the header among the first non-empty rows: the one
     * the scorer rates highest (the earliest of equals), or the first non-empty row when none
     * scores above zero. 0 when the file has no non-empty row.
     */
    public static long findHeader(Path file, TabularFormat format, ToIntFunction<List<String>> score) {
        long[] best = {0, 0};
        long[] first = {0};
        int[] seen = {0};
        try {
            raw(file, format, (rowNo, cells, overflow) -> {
                if (blank(cells)) {
                    return;
                }
                if (first[0] == 0) {
                    first[0] = rowNo;
                }
                int s = score.applyAsInt(cells.stream().map(Cell::text).toList());
                if (s > best[1]) {
                    best[0] = rowNo;
                    best[1] = s;
                }
                if (++seen[0] >= HEADER_SEARCH_ROWS) {
                    throw new StopReading();
                }
            });
        } catch (StopReading stop) {
            // searched far enough
        }
        return best[1] > 0 ? best[0] : first[0];
    }

    /** Reads the header and the first {@code limit} data rows, for a mapping preview. */
    public static Preview preview(Path file, TabularFormat format, int limit) {
        return preview(file, format, 0, limit);
    }

    /** The same, with the header at the given row (0: the first non-empty row). */
    public static Preview preview(Path file, TabularFormat format, long headerRow, int limit) {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        long[] at = {0};
        read(file, format, headerRow, true, new RowHandler() {
            @Override
            public void header(List<String> names) {
                header.addAll(names);
            }

            @Override
            public void row(long rowNo, List<Cell> cells) {
                if (rows.size() >= limit) {
                    throw new StopReading();
                }
                rows.add(cells.stream().map(Cell::text).toList());
            }
        }, at);
        return new Preview(List.copyOf(header), List.copyOf(rows), at[0]);
    }

    /**
     * Streams the header (the first non-empty row), then every data row, to the handler. Rows keep
     * cells past the header's last column (up to {@link #MAX_COLUMNS}), for readers that treat the
     * first row as just another row.
     */
    public static void read(Path file, TabularFormat format, RowHandler handler) {
        read(file, format, 0, false, handler, new long[1]);
    }

    /**
     * Streams the header found at {@code headerRow} (rows above it are skipped; 0: the first
     * non-empty row), then every data row after it.
     */
    public static void read(Path file, TabularFormat format, long headerRow, RowHandler handler) {
        read(file, format, headerRow, true, handler, new long[1]);
    }

    private static void read(Path file, TabularFormat format, long headerRow, boolean cut, RowHandler handler,
                             long[] headerAt) {
        int[] width = {-1};
        try {
            raw(file, format, (rowNo, cells, overflow) -> {
                if (blank(cells) && !overflow) {
                    return;
                }
                if (width[0] < 0) {
                    if (rowNo < headerRow) {
                        return;
                    }
                    if (overflow) {
                        throw new TabularException("import.error.tooManyColumns", MAX_COLUMNS);
                    }
                    List<String> names = new ArrayList<>(cells.stream().map(Cell::text).toList());
                    // formatting applied to whole rows leaves empty header cells up to column XFD
                    while (!names.isEmpty() && names.getLast().isBlank()) {
                        names.removeLast();
                    }
                    if (names.isEmpty()) {
                        throw new TabularException("import.error.emptyFile");
                    }
                    checkEncoding(rowNo, names);
                    width[0] = names.size();
                    headerAt[0] = rowNo;
                    handler.header(List.copyOf(names));
                    return;
                }
                // cells past the last named column belong to no field: a stray note far to the right
                // is ignored rather than carried along in every row
                List<Cell> fitted = cells.size() == width[0] || (!cut && cells.size() > width[0]) ? cells
                        : new ArrayList<>(cells.subList(0, Math.min(cells.size(), width[0])));
                while (fitted.size() < width[0]) {
                    fitted.add(Cell.EMPTY);
                }
                if (blank(fitted)) {
                    return;
                }
                checkEncoding(rowNo, fitted.stream().map(Cell::text).toList());
                handler.row(rowNo, fitted);
            });
        } catch (StopReading stop) {
            return;
        }
        if (width[0] < 0) {
            throw new TabularException("import.error.emptyFile");
        }
    }

    private static void raw(Path file, TabularFormat format, RawRows rows) {
        switch (format) {
            case CSV -> CsvRows.read(file, rows);
            case XLSX -> XlsxRows.read(file, rows);
        }
    }

    private static boolean blank(List<Cell> cells) {
        for (Cell c : cells) {
            if (!c.isBlank() || c.formula()) {
                return false;
            }
        }
        return true;
    }

    /** A file typed in TCVN3 or VNI is refused whole, naming where, with the way to convert it. */
    private static void checkEncoding(long rowNo, List<String> cells) {
        int at = LegacyEncoding.find(cells);
        if (at >= 0) {
            throw new TabularException("import.error.legacyEncoding", rowNo, columnName(at));
        }
    }

    /** Excel's name of a column: 0 → A, 26 → AA. */
    public static String columnName(int index) {
        StringBuilder s = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            s.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return s.toString();
    }

    /** @param headerRow the row the header was read from, as a spreadsheet numbers it */
    public record Preview(List<String> header, List<List<String>> rows, long headerRow) {
    }

    /** Thrown by a handler to end reading early (previews). */
    public static final class StopReading extends RuntimeException {
        public StopReading() {
            super(null, null, false, false);
        }
    }
}

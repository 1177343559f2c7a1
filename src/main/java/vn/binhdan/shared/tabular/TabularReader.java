package vn.binhdan.shared.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the rows of a CSV or XLSX file without holding the file in memory, so a file of a
 * million rows is read in constant space. The first non-empty row is the header.
 */
public final class TabularReader {

    private TabularReader() {
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

    /** Reads the header and the first {@code limit} data rows, for a mapping preview. */
    public static Preview preview(Path file, TabularFormat format, int limit) {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        read(file, format, new RowHandler() {
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
        });
        return new Preview(List.copyOf(header), List.copyOf(rows));
    }

    /** Streams the header, then every data row, to the handler. */
    public static void read(Path file, TabularFormat format, RowHandler handler) {
        boolean[] sawHeader = {false};
        RowHandler tracking = new RowHandler() {
            @Override
            public void header(List<String> names) {
                if (names.stream().allMatch(String::isBlank)) {
                    throw new TabularException("import.error.emptyFile");
                }
                sawHeader[0] = true;
                handler.header(names);
            }

            @Override
            public void row(long rowNo, List<Cell> cells) {
                handler.row(rowNo, cells);
            }
        };
        try {
            switch (format) {
                case CSV -> CsvRows.read(file, tracking);
                case XLSX -> XlsxRows.read(file, tracking);
            }
        } catch (StopReading stop) {
            return;
        }
        if (!sawHeader[0]) {
            throw new TabularException("import.error.emptyFile");
        }
    }

    public record Preview(List<String> header, List<List<String>> rows) {
    }

    /** Thrown by a handler to end reading early (previews). */
    public static final class StopReading extends RuntimeException {
        public StopReading() {
            super(null, null, false, false);
        }
    }
}

package vn.binhdan.importing.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.binhdan.shared.IdMask;
import vn.binhdan.shared.tabular.Cell;
import vn.binhdan.shared.tabular.RowHandler;
import vn.binhdan.shared.tabular.TabularFormat;
import vn.binhdan.shared.tabular.TabularReader;

/**
 * The rows a user must fix, as they were in the file plus a Vietnamese error column, so they
 * can correct them in Excel and import again. Written with POI's streaming workbook. ID numbers
 * appear masked but for their last three digits: the report outlives the upload and travels by
 * e-mail and USB stick; the user still has the original file to copy the full numbers from.
 */
public final class ErrorReportWriter {

    /** Excel refuses longer cells, and POI throws on them: the download would fail half-written. */
    static final int MAX_CELL = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private ErrorReportWriter() {
    }

    /**
     * @param headerRow the row the import read the header from
     * @param idColumns columns (from 0) holding ID numbers, masked whatever their content
     */
    public static void write(Path file, TabularFormat format, long headerRow, Set<Integer> idColumns,
                             Map<Long, String> errors, String rowNoTitle, String errorTitle, OutputStream out)
            throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet("Lỗi");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            int[] next = {0};
            TabularReader.read(file, format, headerRow, new RowHandler() {
                @Override
                public void header(List<String> names) {
                    Row r = sheet.createRow(next[0]++);
                    put(r, 0, rowNoTitle, bold);
                    put(r, 1, errorTitle, bold);
                    for (int i = 0; i < names.size(); i++) {
                        put(r, i + 2, names.get(i), bold);
                    }
                }

                @Override
                public void row(long rowNo, List<Cell> cells) {
                    String error = errors.get(rowNo);
                    if (error == null) {
                        return;
                    }
                    Row r = sheet.createRow(next[0]++);
                    r.createCell(0).setCellValue(rowNo);
                    put(r, 1, error, null);
                    for (int i = 0; i < cells.size(); i++) {
                        String text = cells.get(i).text();
                        put(r, i + 2, idColumns.contains(i) ? IdMask.mask(text) : IdMask.maskIfId(text), null);
                    }
                }
            });
            // file-level errors (row 0) have no row of their own
            String fileLevel = errors.get(0L);
            if (fileLevel != null) {
                Row r = sheet.createRow(next[0]);
                put(r, 1, fileLevel, null);
            }
            wb.write(out);
        }
    }

    /** A report of the file-level errors alone, for a file that cannot be read again. */
    public static void writeWithoutRows(Map<Long, String> errors, String rowNoTitle, String errorTitle,
                                        OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet("Lỗi");
            Row h = sheet.createRow(0);
            put(h, 0, rowNoTitle, null);
            put(h, 1, errorTitle, null);
            int next = 1;
            for (Map.Entry<Long, String> e : new java.util.TreeMap<>(errors).entrySet()) {
                Row r = sheet.createRow(next++);
                r.createCell(0).setCellValue(e.getKey());
                put(r, 1, e.getValue(), null);
            }
            wb.write(out);
        }
    }

    private static void put(Row row, int col, String value, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell c = row.createCell(col);
        c.setCellValue(value.length() > MAX_CELL ? value.substring(0, MAX_CELL - 1) + "…" : value);
        if (style != null) {
            c.setCellStyle(style);
        }
    }
}

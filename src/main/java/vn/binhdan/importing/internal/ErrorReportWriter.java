package vn.binhdan.importing.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.binhdan.shared.tabular.Cell;
import vn.binhdan.shared.tabular.RowHandler;
import vn.binhdan.shared.tabular.TabularFormat;
import vn.binhdan.shared.tabular.TabularReader;

/**
 * The rows a user must fix, as they were in the file plus a Vietnamese error column, so they
 * can correct them in Excel and import again. Written with POI's streaming workbook.
 */
public final class ErrorReportWriter {

    private ErrorReportWriter() {
    }

    public static void write(Path file, TabularFormat format, Map<Long, String> errors, String rowNoTitle,
                             String errorTitle, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet("Lỗi");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            int[] next = {0};
            TabularReader.read(file, format, new RowHandler() {
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
                        put(r, i + 2, cells.get(i).text(), null);
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

    private static void put(Row row, int col, String value, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell c = row.createCell(col);
        c.setCellValue(value);
        if (style != null) {
            c.setCellStyle(style);
        }
    }
}

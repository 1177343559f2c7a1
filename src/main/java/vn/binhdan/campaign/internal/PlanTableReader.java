package vn.binhdan.campaign.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.shared.tabular.Cell;
import vn.binhdan.shared.tabular.RowHandler;
import vn.binhdan.shared.tabular.TabularException;
import vn.binhdan.shared.tabular.TabularFormat;
import vn.binhdan.shared.tabular.TabularReader;

/**
 * Reads a task table into a grid of cells with its merged regions. Unlike the bulk import's
 * streaming reader it holds the sheet in memory: a plan's table has tens of rows, and only the
 * whole sheet tells which cells a merged "lead unit" cell spans and which row is the header
 * (plans put a title above the table).
 */
final class PlanTableReader {

    /** A plan's appendix is a few pages; anything larger is not a task table. */
    static final int MAX_ROWS = 2000;
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** One row of the sheet, numbered as the spreadsheet shows it. */
    record GridRow(long rowNo, List<Cell> cells) {

        Cell cell(int col) {
            return col >= 0 && col < cells.size() ? cells.get(col) : Cell.EMPTY;
        }

        boolean blank() {
            return cells.stream().allMatch(Cell::isBlank);
        }
    }

    /** A merged region, in 0-based indexes of the grid's rows and columns. */
    record Merge(int firstRow, int lastRow, int firstCol, int lastCol) {
    }

    record Grid(List<GridRow> rows, List<Merge> merges) {
    }

    private PlanTableReader() {
    }

    static Grid read(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new TabularException("import.error.emptyFile");
        }
        TabularFormat format = TabularFormat.detect(fileName, content, Math.min(8, content.length));
        return format == TabularFormat.XLSX ? xlsx(content) : csv(content);
    }

    private static Grid xlsx(byte[] content) {
        // POI's zip-bomb guard (inflate ratio) is on by default and stays on
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (book.getNumberOfSheets() == 0) {
                throw new TabularException("import.error.emptyFile");
            }
            Sheet sheet = book.getSheetAt(0);
            int last = sheet.getLastRowNum();
            if (last >= MAX_ROWS) {
                throw new TabularException("plan.import.tooManyRows", MAX_ROWS);
            }
            List<GridRow> rows = new ArrayList<>();
            for (int r = 0; r <= last; r++) {
                Row row = sheet.getRow(r);
                List<Cell> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(cell(row.getCell(c)));
                    }
                }
                rows.add(new GridRow(r + 1L, cells));
            }
            List<Merge> merges = new ArrayList<>();
            for (CellRangeAddress a : sheet.getMergedRegions()) {
                merges.add(new Merge(a.getFirstRow(), a.getLastRow(), a.getFirstColumn(), a.getLastColumn()));
            }
            return new Grid(rows, merges);
        } catch (TabularException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new TabularException("import.error.notXlsx");
        }
    }

    /** Dates become day/month/year text, so that a year typed as the number 2026 stays a year. */
    private static Cell cell(org.apache.poi.ss.usermodel.Cell c) {
        if (c == null) {
            return Cell.EMPTY;
        }
        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        String text = switch (type) {
            case STRING -> c.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(c)
                    ? c.getLocalDateTimeCellValue().toLocalDate().format(DMY)
                    : plain(c.getNumericCellValue());
            case BOOLEAN -> c.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> "";
        };
        // keep line breaks inside a cell: they separate the units a cell lists
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\\R")) {
            String l = VietnameseText.clean(line);
            if (l != null) {
                out.append(out.isEmpty() ? "" : "\n").append(l);
            }
        }
        return Cell.text(out.toString());
    }

    private static String plain(double v) {
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
    }

    /** CSV through the shared reader (encodings, separators); its first row is just another row here. */
    private static Grid csv(byte[] content) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("plan-table", ".csv");
            Files.write(tmp, content);
            List<GridRow> rows = new ArrayList<>();
            TabularReader.read(tmp, TabularFormat.CSV, new RowHandler() {
                @Override
                public void header(List<String> names) {
                    rows.add(new GridRow(1, names.stream().map(Cell::text).toList()));
                }

                @Override
                public void row(long rowNo, List<Cell> cells) {
                    if (rows.size() >= MAX_ROWS) {
                        throw new TabularException("plan.import.tooManyRows", MAX_ROWS);
                    }
                    rows.add(new GridRow(rowNo, List.copyOf(cells)));
                }
            });
            return new Grid(rows, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temp file left behind holds no personal data: a plan's task table
                }
            }
        }
    }
}

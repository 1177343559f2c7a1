package vn.binhdan.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.reporting.Consolidated;
import vn.binhdan.reporting.Figure;
import vn.binhdan.reporting.Period;

/**
 * The consolidated report as a workbook the province can sort, sum and paste into its own
 * report: a header block, three header rows (indicator, target group, figure), a row per child
 * unit and a total row. Numbers are numeric cells and shares percentage-formatted cells holding
 * the fraction, so Excel computes with them; a share that cannot be worked out reads "no data".
 * A second sheet gathers the texts under each unit's name.
 */
@Component
public class ConsolidatedXlsx {

    static final int FIRST_FIGURE_COLUMN = 2;
    static final int HEADER_ROW = 4;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final MessageSource messages;
    private final Clock clock;

    ConsolidatedXlsx(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    public byte[] write(Consolidated c, Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles st = new Styles(wb);
            figures(wb.createSheet(text(locale, "report.xlsx.sheetFigures")), c, st, locale);
            texts(wb.createSheet(text(locale, "report.xlsx.sheetTexts")), c, st, locale);
            if (c.budget() != null) {
                budget(wb.createSheet(text(locale, "budget.report.sheet")), c, st, locale);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void figures(Sheet sheet, Consolidated c, Styles st, Locale locale) {
        put(sheet.createRow(0), 0, c.formName(), st.title);
        put(sheet.createRow(1), 0, c.unitName() + " — " + period(locale, c.period()), st.bold);
        put(sheet.createRow(2), 0, text(locale, "report.xlsx.facts", DAY.format(c.dueOn()),
                MINUTE.format(LocalDateTime.ofInstant(c.generatedAt(), clock.getZone())), c.approvedCount(),
                c.children().size()), null);

        Row indicatorRow = sheet.createRow(HEADER_ROW);
        Row groupRow = sheet.createRow(HEADER_ROW + 1);
        Row figureRow = sheet.createRow(HEADER_ROW + 2);
        for (Row r : List.of(indicatorRow, groupRow, figureRow)) {
            put(r, 0, "", st.header);
            put(r, 1, "", st.header);
        }
        put(indicatorRow, 0, text(locale, "report.xlsx.unit"), st.header);
        put(indicatorRow, 1, text(locale, "report.xlsx.status"), st.header);
        sheet.addMergedRegion(new CellRangeAddress(HEADER_ROW, HEADER_ROW + 2, 0, 0));
        sheet.addMergedRegion(new CellRangeAddress(HEADER_ROW, HEADER_ROW + 2, 1, 1));
        int col = FIRST_FIGURE_COLUMN;
        int indicatorStart = col;
        for (int i = 0; i < c.columns().size(); i++) {
            Consolidated.Column column = c.columns().get(i);
            int width = column.share() ? 3 : 1;
            put(groupRow, col, group(locale, column.group()), st.header);
            if (column.share()) {
                put(figureRow, col, text(locale, "report.figure.numerator"), st.header);
                put(figureRow, col + 1, text(locale, "report.figure.denominator"), st.header);
                put(figureRow, col + 2, text(locale, "report.figure.share"), st.header);
                put(groupRow, col + 1, "", st.header);
                put(groupRow, col + 2, "", st.header);
                merge(sheet, HEADER_ROW + 1, col, col + 2);
            } else {
                put(figureRow, col, text(locale, "report.figure.count"), st.header);
            }
            for (int k = 0; k < width; k++) {
                put(indicatorRow, col + k, "", st.header);
            }
            col += width;
            boolean last = i == c.columns().size() - 1 || !c.columns().get(i + 1).indicatorCode().equals(column.indicatorCode());
            if (last) {
                put(indicatorRow, indicatorStart, column.indicatorName(), st.header);
                merge(sheet, HEADER_ROW, indicatorStart, col - 1);
                indicatorStart = col;
            }
        }

        int rowNo = HEADER_ROW + 3;
        for (Consolidated.ChildRow child : c.children()) {
            Row r = sheet.createRow(rowNo++);
            put(r, 0, child.unitName(), st.text);
            put(r, 1, text(locale, "report.status." + child.status())
                    + (child.late() ? " (" + text(locale, "report.late") + ")" : ""), st.text);
            if (child.included()) {
                figuresOf(r, c.columns(), child.figures(), st, locale, false);
            }
        }
        Row total = sheet.createRow(rowNo);
        put(total, 0, text(locale, "report.total"), st.totalText);
        put(total, 1, text(locale, "report.xlsx.approvedOf", c.approvedCount(), c.children().size()), st.totalText);
        figuresOf(total, c.columns(), c.totals(), st, locale, true);

        sheet.setColumnWidth(0, 32 * 256);
        sheet.setColumnWidth(1, 22 * 256);
        for (int k = FIRST_FIGURE_COLUMN; k < col; k++) {
            sheet.setColumnWidth(k, 14 * 256);
        }
        sheet.createFreezePane(FIRST_FIGURE_COLUMN, HEADER_ROW + 3);
        printable(sheet, HEADER_ROW, HEADER_ROW + 2);
    }

    /**
     * Printed as a commune office prints it: landscape A4, every column on the page's width, the
     * header rows again on each page.
     */
    static void printable(Sheet sheet, int firstHeaderRow, int lastHeaderRow) {
        var setup = sheet.getPrintSetup();
        setup.setLandscape(true);
        setup.setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        setup.setFitWidth((short) 1);
        setup.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setRepeatingRows(new CellRangeAddress(firstHeaderRow, lastHeaderRow, -1, -1));
    }

    private void figuresOf(Row r, List<Consolidated.Column> columns, List<Figure> figures, Styles st, Locale locale,
                           boolean total) {
        int col = FIRST_FIGURE_COLUMN;
        String noData = text(locale, "report.noData");
        for (int i = 0; i < columns.size(); i++) {
            Figure f = figures.get(i);
            if (columns.get(i).share()) {
                number(r, col, f.numerator(), total ? st.totalNumber : st.number);
                number(r, col + 1, f.denominator(), total ? st.totalNumber : st.number);
                Cell share = r.createCell(col + 2);
                if (f.share() == null) {
                    share.setCellValue(noData);
                    share.setCellStyle(total ? st.totalText : st.text);
                } else {
                    // the value the cell shows (0.0 %), not the float behind it (0.24600000000000002)
                    share.setCellValue(vn.binhdan.shared.web.NumberFormats.fraction(f.share(), 1));
                    share.setCellStyle(total ? st.totalPercent : st.percent);
                }
                col += 3;
            } else {
                if (f.numerator() == null) {
                    put(r, col, noData, total ? st.totalText : st.text);
                } else {
                    number(r, col, f.numerator(), total ? st.totalNumber : st.number);
                }
                col++;
            }
        }
    }

    private void texts(Sheet sheet, Consolidated c, Styles st, Locale locale) {
        int rowNo = 0;
        put(sheet.createRow(rowNo++), 0, c.formName() + " — " + c.unitName() + " — " + period(locale, c.period()), st.title);
        for (Consolidated.SectionTexts s : c.sections()) {
            rowNo++;
            put(sheet.createRow(rowNo++), 0, text(locale, "report.section." + s.section()), st.bold);
            if (s.texts().isEmpty()) {
                put(sheet.createRow(rowNo++), 0, text(locale, "report.noText"), st.text);
            }
            for (Consolidated.UnitText t : s.texts()) {
                Row r = sheet.createRow(rowNo++);
                put(r, 0, t.unitName(), st.bold);
                put(r, 1, t.body(), st.wrap);
            }
        }
        sheet.setColumnWidth(0, 32 * 256);
        sheet.setColumnWidth(1, 100 * 256);
    }

    /**
     * The funding of the unit's subtree: a table per source (the one the report's readers look at)
     * and the lines behind it, amounts as numeric cells in đồng so the sheet sums them.
     */
    private void budget(Sheet sheet, Consolidated c, Styles st, Locale locale) {
        var b = c.budget();
        int rowNo = 0;
        put(sheet.createRow(rowNo++), 0, text(locale, "budget.report.title", c.unitName(), b.quarter(),
                Integer.toString(b.year())), st.title);
        put(sheet.createRow(rowNo++), 0, text(locale, "budget.report.unit"), null);
        rowNo++;
        Row head = sheet.createRow(rowNo++);
        String[] heads = {text(locale, "budget.report.source"), text(locale, "budget.report.lines"),
                text(locale, "budget.estimate"), text(locale, "budget.allocated"), text(locale, "budget.spentToDate"),
                text(locale, "budget.remaining")};
        for (int i = 0; i < heads.length; i++) {
            put(head, i, heads[i], st.header);
        }
        for (var source : b.sources()) {
            Row r = sheet.createRow(rowNo++);
            put(r, 0, text(locale, "budget.source." + source.source()), st.text);
            number(r, 1, (long) source.lineCount(), st.number);
            number(r, 2, source.estimate(), st.number);
            number(r, 3, source.allocated(), st.number);
            number(r, 4, source.spent(), st.number);
            number(r, 5, source.allocated() - source.spent(), st.number);
        }
        Row total = sheet.createRow(rowNo++);
        put(total, 0, text(locale, "report.total"), st.totalText);
        number(total, 1, (long) b.lines().size(), st.totalNumber);
        number(total, 2, b.estimate(), st.totalNumber);
        number(total, 3, b.allocated(), st.totalNumber);
        number(total, 4, b.spent(), st.totalNumber);
        number(total, 5, b.allocated() - b.spent(), st.totalNumber);

        rowNo++;
        put(sheet.createRow(rowNo++), 0, text(locale, "budget.report.detail"), st.bold);
        Row lineHead = sheet.createRow(rowNo++);
        String[] lineHeads = {text(locale, "budget.report.source"), text(locale, "budget.line.title"),
                text(locale, "budget.line.unit"), text(locale, "budget.estimate"), text(locale, "budget.allocated"),
                text(locale, "budget.spentToDate"), text(locale, "budget.report.plan")};
        for (int i = 0; i < lineHeads.length; i++) {
            put(lineHead, i, lineHeads[i], st.header);
        }
        for (var l : b.lines()) {
            Row r = sheet.createRow(rowNo++);
            put(r, 0, text(locale, "budget.source." + l.source()), st.text);
            put(r, 1, l.title(), st.text);
            put(r, 2, l.unitName(), st.text);
            number(r, 3, l.estimate(), st.number);
            number(r, 4, l.allocated(), st.number);
            number(r, 5, l.spent(), st.number);
            put(r, 6, l.planTitle(), st.text);
        }
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 48 * 256);
        sheet.setColumnWidth(2, 28 * 256);
        for (int k = 3; k <= 5; k++) {
            sheet.setColumnWidth(k, 18 * 256);
        }
        sheet.setColumnWidth(6, 40 * 256);
    }

    private static void merge(Sheet sheet, int row, int from, int to) {
        if (to > from) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, from, to));
        }
    }

    private static void number(Row r, int col, Long value, CellStyle style) {
        Cell cell = r.createCell(col);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value);
        }
    }

    private static void put(Row r, int col, String value, CellStyle style) {
        Cell cell = r.createCell(col);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private String group(Locale locale, String group) {
        return Indicator.ALL.equals(group) ? text(locale, "report.group.ALL") : text(locale, "group." + group);
    }

    private String period(Locale locale, Period p) {
        return text(locale, "report.period." + p.type(), p.year(), p.number());
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** The workbook's few styles, made once (a workbook holds at most 64,000). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle bold;
        final CellStyle header;
        final CellStyle text;
        final CellStyle wrap;
        final CellStyle number;
        final CellStyle percent;
        final CellStyle totalText;
        final CellStyle totalNumber;
        final CellStyle totalPercent;

        Styles(XSSFWorkbook wb) {
            Font titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            title = wb.createCellStyle();
            title.setFont(titleFont);
            bold = wb.createCellStyle();
            bold.setFont(boldFont);
            bold.setVerticalAlignment(VerticalAlignment.TOP);
            header = bordered(wb);
            header.setFont(boldFont);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            text = bordered(wb);
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            short whole = wb.createDataFormat().getFormat("#,##0");
            short pct = wb.createDataFormat().getFormat("0.0%");
            number = bordered(wb);
            number.setDataFormat(whole);
            percent = bordered(wb);
            percent.setDataFormat(pct);
            totalText = bordered(wb);
            totalText.setFont(boldFont);
            totalNumber = bordered(wb);
            totalNumber.setFont(boldFont);
            totalNumber.setDataFormat(whole);
            totalPercent = bordered(wb);
            totalPercent.setFont(boldFont);
            totalPercent.setDataFormat(pct);
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}

package vn.binhdan.reporting.internal.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.campaign.Indicators;
import vn.binhdan.reporting.ValidationRun;
import vn.binhdan.reporting.Violation;

/**
 * The province-wide run as a workbook: one row per violation, unit first, so the Department can
 * filter by unit or rule and send each commune its own lines.
 */
@Component
public class ValidationXlsx {

    private final MessageSource messages;
    private final Indicators indicators;

    ValidationXlsx(MessageSource messages, Indicators indicators) {
        this.messages = messages;
        this.indicators = indicators;
    }

    public byte[] write(ValidationRun run, Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(text(locale, "rules.run.sheet"));
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(text(locale, "rules.run.title") + " — " + run.formName() + " — "
                    + run.unitName() + " — " + run.period().id());
            title.getCell(0).setCellStyle(bold);
            sheet.createRow(1).createCell(0).setCellValue(text(locale, "rules.run.summary", run.reportsChecked(),
                    run.errors(), run.warnings()));
            String[] heads = {"rules.run.code", "rules.run.unit", "rules.run.status", "rules.run.importance",
                    "rules.run.indicator", "rules.run.group", "rules.run.message", "rules.run.explanation"};
            Row header = sheet.createRow(3);
            for (int c = 0; c < heads.length; c++) {
                header.createCell(c).setCellValue(text(locale, heads[c]));
                header.getCell(c).setCellStyle(bold);
            }
            int r = 4;
            for (ValidationRun.UnitResult u : run.units()) {
                for (Violation v : u.violations()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(u.unitCode());
                    row.createCell(1).setCellValue(u.unitName());
                    row.createCell(2).setCellValue(text(locale, "report.status." + u.status()));
                    row.createCell(3).setCellValue(text(locale, "rules.importance." + v.importance()));
                    row.createCell(4).setCellValue(indicators.find(v.indicatorCode()).map(i -> i.name(locale))
                            .orElse(v.indicatorCode()));
                    row.createCell(5).setCellValue(Indicator.ALL.equals(v.group())
                            ? text(locale, "report.group.ALL") : text(locale, "group." + v.group()));
                    row.createCell(6).setCellValue(v.message());
                    row.getCell(6).setCellStyle(wrap);
                    row.createCell(7).setCellValue(v.explanation() == null ? "" : v.explanation());
                    row.getCell(7).setCellStyle(wrap);
                }
            }
            int[] widths = {10, 28, 16, 12, 40, 24, 70, 40};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            if (r > 4) {
                sheet.setAutoFilter(new CellRangeAddress(3, r - 1, 0, heads.length - 1));
            }
            sheet.createFreezePane(0, 4);
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            sheet.setRepeatingRows(new CellRangeAddress(3, 3, 0, heads.length - 1));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}

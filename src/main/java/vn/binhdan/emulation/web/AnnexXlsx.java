package vn.binhdan.emulation.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.binhdan.emulation.RewardDecision;

/**
 * A decision's annex (danh sách kèm theo quyết định) as a workbook: the decision's number and date
 * on top, then one row per rewarded unit or person with the form of reward and the achievement.
 */
@Component
class AnnexXlsx {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MessageSource messages;

    AnnexXlsx(MessageSource messages) {
        this.messages = messages;
    }

    static ResponseEntity<byte[]> download(byte[] body, String name) {
        return ResponseEntity.ok().contentType(XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"").body(body);
    }

    byte[] write(RewardDecision d, Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = wb.createSheet(text(locale, "emulation.annex.sheet"));
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(messages.getMessage("emulation.annex.title",
                    new Object[] {d.number(), d.decidedOn().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))},
                    locale));
            title.getCell(0).setCellStyle(bold);
            sheet.createRow(1).createCell(0).setCellValue(d.campaignTitle());
            String[] keys = {"emulation.annex.no", "emulation.annex.name", "emulation.annex.kind",
                    "emulation.annex.proposer", "emulation.annex.form", "emulation.annex.reason"};
            Row header = sheet.createRow(3);
            for (int i = 0; i < keys.length; i++) {
                header.createCell(i).setCellValue(text(locale, keys[i]));
                header.getCell(i).setCellStyle(bold);
            }
            int r = 4;
            for (RewardDecision.Line l : d.annex()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(l.position());
                row.createCell(1).setCellValue(l.candidateName());
                row.createCell(2).setCellValue(text(locale, "emulation.kind." + l.kind()));
                row.createCell(3).setCellValue(l.unitName());
                row.createCell(4).setCellValue(text(locale, "emulation.form." + l.rewardForm().name()));
                row.createCell(5).setCellValue(l.reason());
            }
            int[] widths = {6, 32, 12, 30, 40, 60};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }
}

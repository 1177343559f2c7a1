package vn.binhdan.contest.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
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
import vn.binhdan.contest.PrizeList;
import vn.binhdan.contest.UnitStanding;

/**
 * A prize list as a workbook the organiser can paste into the announcement: one sheet of people
 * (place, name, unit, right answers, prediction gap, time) and, for the final, one of units.
 * Figures are numeric cells so that Excel sorts and sums them.
 */
@Component
class PrizeXlsx {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MessageSource messages;

    PrizeXlsx(MessageSource messages) {
        this.messages = messages;
    }

    static ResponseEntity<byte[]> download(byte[] body, String name) {
        return ResponseEntity.ok().contentType(XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"").body(body);
    }

    byte[] write(PrizeList list, Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet people = wb.createSheet(text(locale, "contest.xlsx.people"));
            Row title = people.createRow(0);
            title.createCell(0).setCellValue(list.contestTitle() + " — " + (list.roundId() == null
                    ? text(locale, "contest.final") : list.title()));
            title.getCell(0).setCellStyle(bold);
            header(people.createRow(2), bold, locale, "contest.xlsx.place", "contest.xlsx.name", "contest.xlsx.unit",
                    "contest.xlsx.correct", "contest.xlsx.gap", "contest.xlsx.seconds");
            int r = 3;
            for (PrizeList.Prize p : list.people()) {
                Row row = people.createRow(r++);
                row.createCell(0).setCellValue(p.place());
                row.createCell(1).setCellValue(p.name());
                row.createCell(2).setCellValue(p.unitName() == null ? "" : p.unitName());
                row.createCell(3).setCellValue(p.correct());
                if (p.predictionGap() != null) {
                    row.createCell(4).setCellValue(p.predictionGap());
                }
                row.createCell(5).setCellValue(p.durationMs() / 1000.0);
            }
            for (int c = 0; c < 6; c++) {
                people.setColumnWidth(c, c == 1 || c == 2 ? 30 * 256 : 14 * 256);
            }
            if (list.roundId() == null) {
                Sheet units = wb.createSheet(text(locale, "contest.xlsx.units"));
                header(units.createRow(0), bold, locale, "contest.xlsx.place", "contest.xlsx.unit",
                        "contest.xlsx.participants", "contest.xlsx.inhabitants", "contest.xlsx.perThousand");
                int u = 1;
                for (UnitStanding s : list.units()) {
                    Row row = units.createRow(u);
                    row.createCell(0).setCellValue(u++);
                    row.createCell(1).setCellValue(s.unitName());
                    row.createCell(2).setCellValue(s.participants());
                    row.createCell(3).setCellValue(s.inhabitants());
                    if (s.perThousand() != null) {
                        row.createCell(4).setCellValue(s.perThousand());
                    }
                }
                units.setColumnWidth(1, 30 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void header(Row row, CellStyle bold, Locale locale, String... keys) {
        for (int i = 0; i < keys.length; i++) {
            row.createCell(i).setCellValue(text(locale, keys[i]));
            row.getCell(i).setCellStyle(bold);
        }
    }

    private String text(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }

    static List<String> kinds() {
        return List.of("SHARED_DEVICE", "SHARED_ADDRESS", "TOO_FAST", "SAME_ANSWERS");
    }
}

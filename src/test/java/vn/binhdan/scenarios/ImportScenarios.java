package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;

/** Bulk import through HTTP as an officer does it: upload, preview, start, progress, error report. */
public abstract class ImportScenarios extends EndToEnd {

    @org.springframework.beans.factory.annotation.Value("${binhdan.import.dir}")
    java.nio.file.Path importDir;

    static final String HEADER = "Họ và tên,Ngày sinh,Giới tính,Số CCCD,Mã đơn vị,Dân tộc,Số điện thoại,Mã hộ\n";

    @Test
    void importsACsvThenAReimportChangesNothing() {
        String admin = token("province-admin");
        String csv = HEADER
                + "Đinh Thị Lành,01/01/1970,Nữ,066170100001,24133.02,Kinh,0905111222,HK-9001\n"
                + "Y Bih Êban,15/06/1982,Nam,066082100002,24175.01,Ê Đê,,HK-9002\n";
        JsonNode first = importFile(admin, "PERSON", "nguoi-dan.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(first.get("status").asText()).isEqualTo("DONE");
        assertThat(first.get("createdRows").asLong()).isEqualTo(2);
        // the upload held ID numbers in clear: once applied it is gone from disk
        assertThat(java.nio.file.Files.exists(importDir.resolve(first.get("id").asText() + ".upload"))).isFalse();
        JsonNode again = importFile(admin, "PERSON", "nguoi-dan.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(again.get("status").asText()).isEqualTo("DONE");
        assertThat(again.get("createdRows").asLong()).isZero();
        assertThat(again.get("updatedRows").asLong()).isZero();
        assertThat(again.get("unchangedRows").asLong()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM person WHERE id_hash IS NOT NULL AND full_name = 'Đinh Thị Lành'")).isEqualTo(1);
        // a changed phone number updates the same person rather than adding one
        JsonNode changed = importFile(admin, "PERSON", "nguoi-dan.csv",
                csv.replace("0905111222", "0905999888").getBytes(StandardCharsets.UTF_8));
        assertThat(changed.get("updatedRows").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT phone FROM person WHERE full_name = 'Đinh Thị Lành'").query(String.class).single())
                .isEqualTo("0905999888");
    }

    @Test
    void normalisesDecomposedTextWindows1258AndBomAndSemicolons() {
        String admin = token("province-admin");
        String nfd = Normalizer.normalize("Võ Thị Ngọc Diễm", Normalizer.Form.NFD);
        byte[] utf8Bom = concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                (HEADER.replace(',', ';') + nfd + ";02/02/1992;Nữ;066192100003;24133.01;Kinh;;\n").getBytes(StandardCharsets.UTF_8));
        assertThat(importFile(admin, "PERSON", "bom.csv", utf8Bom).get("status").asText()).isEqualTo("DONE");

        String line = "Huỳnh Văn Thưởng,03/03/1965,Nam,066065100004,24175.01,Kinh,,\n";
        byte[] cp1258 = windows1258(HEADER + line);
        assertThat(importFile(admin, "PERSON", "windows.csv", cp1258).get("status").asText()).isEqualTo("DONE");

        List<String> stored = jdbc.sql("SELECT full_name FROM person WHERE id_last3 IN ('003', '004') AND birth_date > '1960-01-01'"
                + " AND full_name NOT LIKE 'Nguyễn%'").query(String.class).list();
        assertThat(stored).contains("Võ Thị Ngọc Diễm", "Huỳnh Văn Thưởng");
        stored.forEach(s -> assertThat(Normalizer.isNormalized(s, Normalizer.Form.NFC)).isTrue());
        JsonNode hits = http.get("/api/v1/persons?q=thuong", admin).json();
        assertThat(hits.get(0).get("fullName").asText()).isEqualTo("Huỳnh Văn Thưởng");
    }

    @Test
    void badRowsAreAllReportedByRowAndNothingIsApplied() throws IOException {
        String officer = token("commune-officer");
        long before = count("SELECT COUNT(*) FROM person");
        String csv = HEADER
                + "Người Tốt,01/01/1980,Nam,066080200001,24133.01,Kinh,,\n"          // row 2: fine
                + "Ngày Sai,31/02/1990,Nữ,066190200002,24133.01,Kinh,,\n"            // row 3: no 31 February
                + "Thiếu Số,01/01/1990,Nam,06619020000,24133.01,Kinh,,\n"            // row 4: 11 digits
                + "Có Chữ,01/01/1990,Nam,06619020000A,24133.01,Kinh,,\n"             // row 5: letters
                + "Sai Đơn Vị,01/01/1990,Nam,066190200005,99999,Kinh,,\n"            // row 6: unknown unit
                + "Trùng Một,01/01/1991,Nam,066191200006,24133.01,Kinh,,\n"          // row 7: same ID as row 8 ...
                + "Trùng Hai,01/01/1992,Nữ,066191200006,24133.01,Kinh,,\n"           // row 8: ... different data
                + "Xã Khác,01/01/1990,Nam,066190200008,24175.01,Kinh,,\n"            // row 9: outside the officer's commune
                + "Mười Ba Số,01/01/1990,Nam,0661902000099,24133.01,Kinh,,\n";       // row 10: 13 digits
        JsonNode job = importFile(officer, "PERSON", "loi.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(job.get("status").asText()).isEqualTo("REJECTED");
        assertThat(job.get("message").asText()).contains("chưa được ghi");
        assertThat(count("SELECT COUNT(*) FROM person")).isEqualTo(before);

        Map<Long, String> report = errorReport(officer, job.get("id").asText());
        assertThat(report.keySet()).containsExactlyInAnyOrder(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(report.get(3L)).contains("Ngày sinh không hợp lệ", "31/02/1990");
        assertThat(report.get(4L)).contains("đúng 12 chữ số", "11");
        assertThat(report.get(5L)).contains("chỉ được gồm chữ số");
        assertThat(report.get(6L)).contains("99999");
        assertThat(report.get(7L)).contains("dòng 7, 8");
        assertThat(report.get(9L)).contains("không có quyền");
        assertThat(report.get(10L)).contains("13");
    }

    @Test
    void oneBadRowInTenThousandRejectsTheFileAndTheReportNamesIt() throws IOException {
        String admin = token("province-admin");
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 10_000; i++) {
            String birth = i == 7_321 ? "30/02/1985" : "01/01/1985";
            csv.append("Người Thứ ").append(i).append(',').append(birth).append(",Nam,0660853")
                    .append(String.format("%05d", i)).append(",24133.02,Kinh,,\n");
        }
        long before = count("SELECT COUNT(*) FROM person");
        JsonNode job = importFile(admin, "PERSON", "muoi-nghin.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(job.get("status").asText()).isEqualTo("REJECTED");
        assertThat(job.get("errorRows").asLong()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM person")).isEqualTo(before);
        Map<Long, String> report = errorReport(admin, job.get("id").asText());
        assertThat(report).containsOnlyKeys(7_323L);
        assertThat(report.get(7_323L)).contains("30/02/1985");
    }

    @Test
    void xlsxKeepsLeadingZerosReadsDatesAndRefusesFormulas() throws IOException {
        String admin = token("province-admin");
        byte[] good = xlsx(false);
        JsonNode done = importFile(admin, "PERSON", "danh-sach.xlsx", good);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        // the number cell 1234567890 had lost the leading zeros of 001234567890
        assertThat(jdbc.sql("SELECT birth_date FROM person WHERE full_name = 'Mai Văn Số'").query(java.sql.Date.class)
                .single().toLocalDate()).isEqualTo(java.time.LocalDate.of(1977, 7, 7));
        assertThat(jdbc.sql("SELECT id_last3 FROM person WHERE full_name = 'Mai Văn Số'").query(String.class).single())
                .isEqualTo("890");

        JsonNode formula = importFile(admin, "PERSON", "cong-thuc.xlsx", xlsx(true));
        assertThat(formula.get("status").asText()).isEqualTo("REJECTED");
        assertThat(errorReport(admin, formula.get("id").asText()).get(2L)).contains("công thức");
    }

    @Test
    void filesThatAreNotTablesAreRefusedWithAClearMessage() throws IOException {
        String admin = token("province-admin");
        Http.Response fake = http.upload("/api/v1/imports", admin, Map.of("kind", "PERSON"), "that-ra-la-text.xlsx",
                "Họ và tên,Ngày sinh\n".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.status()).isEqualTo(400);
        assertThat(fake.json().get("detail").asText()).contains("không phải là tệp Excel");

        Http.Response empty = http.upload("/api/v1/imports", admin, Map.of("kind", "PERSON"), "rong.csv", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asText()).contains("Tệp rỗng");

        byte[] big = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        Http.Response tooLarge = http.upload("/api/v1/imports", admin, Map.of("kind", "PERSON"), "lon.csv", big);
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().get("detail").asText()).contains("32 MB");

        Http.Response bomb = http.upload("/api/v1/imports", admin, Map.of("kind", "PERSON"), "bom.xlsx", zipBomb());
        assertThat(bomb.status()).isEqualTo(400);
        assertThat(bomb.json().get("detail").asText()).contains("giải nén");
    }

    @Test
    void missingRequiredColumnsAreNamedBeforeAnythingRuns() {
        String admin = token("province-admin");
        Http.Response up = http.upload("/api/v1/imports", admin, Map.of("kind", "PERSON"), "thieu.csv",
                "Họ và tên,Giới tính\nAi Đó,Nam\n".getBytes(StandardCharsets.UTF_8));
        assertThat(up.status()).isEqualTo(201);
        assertThat(up.json().get("missingRequired").toString()).contains("birth_date", "id_number", "unit_code");
        Http.Response start = http.post("/api/v1/imports/" + up.json().get("job").get("id").asText() + "/start", admin, null);
        assertThat(start.status()).isEqualTo(400);
        assertThat(start.json().get("detail").asText()).contains("Thiếu cột bắt buộc", "Ngày sinh", "Số CCCD");
    }

    @Test
    void onlyAdministratorsImportUnitsAndStartingTwiceRunsOnce() {
        byte[] csv = "Mã,Tên,Loại,Mã cấp trên\n24133.03,Tổ dân phố 3,tổ dân phố,24133\n".getBytes(StandardCharsets.UTF_8);
        Http.Response denied = http.upload("/api/v1/imports", token("commune-officer"), Map.of("kind", "UNIT"), "dv.csv", csv);
        assertThat(denied.status()).isEqualTo(403);

        String admin = token("province-admin");
        Http.Response up = http.upload("/api/v1/imports", admin, Map.of("kind", "UNIT"), "dv.csv", csv);
        String id = up.json().get("job").get("id").asText();
        http.post("/api/v1/imports/" + id + "/start", admin, null);
        http.post("/api/v1/imports/" + id + "/start", admin, null);
        JsonNode job = await(admin, id);
        assertThat(job.get("status").asText()).isEqualTo("DONE");
        assertThat(count("SELECT COUNT(*) FROM unit WHERE code = '24133.03'")).isEqualTo(1);
        // another user cannot watch or download someone else's import
        assertThat(http.get("/api/v1/imports/" + id, token("commune-officer")).status()).isEqualTo(403);
    }

    JsonNode importFile(String token, String kind, String name, byte[] content) {
        Http.Response up = http.upload("/api/v1/imports", token, Map.of("kind", kind), name, content);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        String id = up.json().get("job").get("id").asText();
        Http.Response start = http.post("/api/v1/imports/" + id + "/start", token, null);
        assertThat(start.status()).as(start.body()).isEqualTo(202);
        return await(token, id);
    }

    JsonNode await(String token, String id) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            JsonNode job = http.get("/api/v1/imports/" + id, token).json();
            String status = job.get("status").asText();
            if (!status.equals("RUNNING") && !status.equals("UPLOADED")) {
                return job;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("import did not finish: " + job);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    Map<Long, String> errorReport(String token, String id) throws IOException {
        Http.Response r = http.get("/api/v1/imports/" + id + "/errors.xlsx", token);
        assertThat(r.status()).isEqualTo(200);
        Map<Long, String> rows = new java.util.HashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.bytes()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Lỗi");
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                rows.put((long) row.getCell(0).getNumericCellValue(), row.getCell(1).getStringCellValue());
            }
        }
        return rows;
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    static byte[] xlsx(boolean withFormula) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("Danh sách");
            String[] header = {"Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Mã đơn vị"};
            Row h = s.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Row r = s.createRow(1);
            r.createCell(0).setCellValue(withFormula ? "Mai Văn Công Thức" : "Mai Văn Số");
            var date = r.createCell(1);
            date.setCellValue(java.time.LocalDate.of(1977, 7, 7));
            var style = wb.createCellStyle();
            style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            date.setCellStyle(style);
            r.createCell(2).setCellValue("Nam");
            if (withFormula) {
                r.createCell(3).setCellFormula("\"0012345\"&\"67891\"");
            } else {
                r.createCell(3).setCellValue(1234567890d);
            }
            r.createCell(4).setCellValue("24133.01");
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** A workbook whose sheet inflates a thousand-fold: POI's guard must refuse it. */
    static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "</Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write(("<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                    + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/_rels/workbook.xml.rels"));
            zip.write(("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                zip.write(spaces);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** As Excel on Vietnamese Windows writes it: base letters precomposed, tone marks combining. */
    static byte[] windows1258(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            StringBuilder base = new StringBuilder();
            String tone = "";
            for (char x : d.toCharArray()) {
                if ("\u0300\u0301\u0303\u0309\u0323".indexOf(x) >= 0) {
                    tone = String.valueOf(x);
                } else {
                    base.append(x);
                }
            }
            sb.append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tone);
        }
        return sb.toString().getBytes(Charset.forName("windows-1258"));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }
}

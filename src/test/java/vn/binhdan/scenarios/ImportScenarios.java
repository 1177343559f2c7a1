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
    @org.springframework.beans.factory.annotation.Autowired
    vn.binhdan.importing.internal.ImportJobRepository importJobs;

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

    // ---- issue 15, item 6: uploaded personal data does not linger ----

    @Test
    void anUploadIsDeletedAsSoonAsItsJobEndsWhateverTheOutcome() throws IOException {
        String admin = token("province-admin");
        // rejected: the error report stays for the user, the upload does not
        String bad = HEADER + "Ngày Hỏng,31/02/1990,Nữ,066190990008,24133.01,Kinh,,\n";
        JsonNode rejected = importFile(admin, "PERSON", "hong.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(uploadExists(rejected.get("id").asText())).isFalse();
        assertThat(errorReport(admin, rejected.get("id").asText()).get(2L)).contains("31/02/1990");

        // failed: a row typed in TCVN3 below the rows the preview read stops the run itself
        StringBuilder legacy = new StringBuilder(HEADER);
        for (int i = 0; i < 12; i++) {
            legacy.append("Người Thứ ").append(i).append(",01/01/1980,Nam,0660809900").append(String.format("%02d", i))
                    .append(",24133.01,Kinh,,\n");
        }
        legacy.append("NguyÔn V¨n An,01/01/1980,Nam,066080990099,24133.01,Kinh,,\n");
        JsonNode failed = importFile(admin, "PERSON", "cu.csv", legacy.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("message").asText()).contains("TCVN3", "dòng 14");
        assertThat(uploadExists(failed.get("id").asText())).isFalse();

        // cancelled by the user before starting
        String id = uploadId(admin, "PERSON", "thoi.csv", bad);
        assertThat(uploadExists(id)).isTrue();
        Http.Response cancelled = http.delete("/api/v1/imports/" + id, admin);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(uploadExists(id)).isFalse();
        assertThat(http.post("/api/v1/imports/" + id + "/start", admin, null).json().get("status").asText())
                .as("a cancelled job never starts").isEqualTo("CANCELLED");
    }

    @Test
    void anUploadNeverStartedIsDeletedWithinTheHour() {
        String admin = token("province-admin");
        String csv = HEADER + "Bỏ Quên,02/02/1972,Nữ,066172990009,24133.01,Kinh,,\n";
        String forgotten = uploadId(admin, "PERSON", "bo-quen.csv", csv);
        String recent = uploadId(admin, "PERSON", "vua-tai.csv", csv);
        // uploaded an hour ago and only previewed since
        jdbc.sql("UPDATE import_job SET created_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofMinutes(61))), forgotten)
                .update();
        http.get("/api/v1/imports/" + forgotten, admin);

        imports.sweep();

        JsonNode swept = http.get("/api/v1/imports/" + forgotten, admin).json();
        assertThat(swept.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(swept.get("message").asText()).contains("trong vòng một giờ");
        assertThat(uploadExists(forgotten)).isFalse();
        assertThat(http.get("/api/v1/imports/" + recent, admin).json().get("status").asText()).isEqualTo("UPLOADED");
        assertThat(uploadExists(recent)).isTrue();
        http.delete("/api/v1/imports/" + recent, admin);
    }

    @Test
    void idNumbersAreMaskedInThePreviewAndTheErrorReport() throws IOException {
        String admin = token("province-admin");
        String csv = HEADER + "Che Số Một,01/01/1970,Nữ,066170990001,24133.01,Kinh,,\n"
                + "Che Số Hai,31/02/1971,Nam,066171990002,24133.01,Kinh,,\n";
        Http.Response up = upload(admin, "PERSON", "che-so.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(up.status()).isEqualTo(201);
        assertThat(up.json().get("preview").get(0).get(3).asText()).isEqualTo("*********001");
        assertThat(up.body()).doesNotContain("066170990001", "066171990002");
        // a column the mapping does not recognise still shows no ID number
        Http.Response odd = upload(admin, "PERSON", "la.csv", "Tên,Giấy tờ tùy thân\nAi Đó,066 170 990 001\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(odd.status()).isEqualTo(201);
        assertThat(odd.json().get("preview").get(0).get(1).asText()).isEqualTo("*********001");
        http.delete("/api/v1/imports/" + odd.json().get("job").get("id").asText(), admin);

        String id = up.json().get("job").get("id").asText();
        assertThat(http.post("/api/v1/imports/" + id + "/start", admin, null).status()).isEqualTo(202);
        assertThat(await(admin, id).get("status").asText()).isEqualTo("REJECTED");
        List<List<String>> report = reportRows(admin, id);
        assertThat(report).hasSize(2);
        assertThat(report.get(1).get(0)).isEqualTo("3");
        assertThat(report.get(1).get(2)).isEqualTo("Che Số Hai");
        assertThat(report.get(1).get(2 + 3)).isEqualTo("*********002");
        assertThat(report.toString()).doesNotContain("066171990002");
    }

    // ---- issue 15, item 8: imports that never corrupt data ----

    @Test
    void aBirthYearTypedAsANumberIsRefusedNeverStoredAsA1905Date() throws IOException {
        String admin = token("province-admin");
        byte[] file = workbook(
                new Object[]{"Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Mã đơn vị"},
                new Object[]{"Năm Sinh Số", 1975d, "Nam", "066075990001", "24133.01"},
                new Object[]{"Năm Trong Ô Ngày", new DateCell(1975), "Nữ", "066175990002", "24133.01"},
                new Object[]{"Ngày Đủ Trong Ô Ngày", new DateCell(27_395), "Nam", "066075990003", "24133.01"});
        JsonNode job = importFile(admin, "PERSON", "nam-sinh.xlsx", file);
        assertThat(job.get("status").asText()).isEqualTo("REJECTED");
        Map<Long, String> report = errorReport(admin, job.get("id").asText());
        assertThat(report.keySet()).containsExactlyInAnyOrder(2L, 3L);
        assertThat(report.get(2L)).contains("Ngày sinh chỉ có năm (1975)", "ngày/tháng/năm");
        assertThat(report.get(3L)).contains("Ngày sinh chỉ có năm (1975)");
        assertThat(count("SELECT COUNT(*) FROM person WHERE birth_date = DATE '1905-05-28'")).isZero();

        // the same sheet with full dates: a date cell is read as the date Excel shows
        byte[] fixed = workbook(
                new Object[]{"Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Mã đơn vị"},
                new Object[]{"Ngày Đủ Trong Ô Ngày", new DateCell(27_395), "Nam", "066075990003", "24133.01"});
        assertThat(importFile(admin, "PERSON", "nam-sinh.xlsx", fixed).get("status").asText()).isEqualTo("DONE");
        assertThat(jdbc.sql("SELECT birth_date FROM person WHERE full_name = 'Ngày Đủ Trong Ô Ngày'")
                .query(java.sql.Date.class).single().toLocalDate()).isEqualTo(java.time.LocalDate.of(1975, 1, 1));
    }

    @Test
    void aTitleAndBlankRowsAboveTheHeaderAreSkippedAndTheRowUsedIsNamed() throws IOException {
        String admin = token("province-admin");
        String csv = "DANH SÁCH NGƯỜI DÂN THAM GIA BÌNH DÂN HỌC VỤ SỐ,,,,\n"
                + "Phường Buôn Ma Thuột - tháng 3/2026,,,,\n"
                + ",,,,\n"
                + HEADER
                + "Dưới Tiêu Đề,04/04/1974,Nam,066074990004,24133.01,Kinh,,\n"
                + "Dưới Tiêu Đề Sai,31/04/1974,Nữ,066174990005,24133.01,Kinh,,\n";
        Http.Response up = upload(admin, "PERSON", "co-tieu-de.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(up.json().get("headerRow").asLong()).isEqualTo(4);
        assertThat(up.json().get("notice").asText()).contains("dòng 4");
        assertThat(up.json().get("header").get(0).asText()).isEqualTo("Họ và tên");
        assertThat(up.json().get("suggestedMapping").get("id_number").asInt()).isEqualTo(3);
        assertThat(up.json().get("preview").get(0).get(0).asText()).isEqualTo("Dưới Tiêu Đề");
        String id = up.json().get("job").get("id").asText();
        http.post("/api/v1/imports/" + id + "/start", admin, null);
        JsonNode rejected = await(admin, id);
        assertThat(rejected.get("message").asText()).contains("dòng 4");
        // rows keep the numbers the spreadsheet shows
        assertThat(errorReport(admin, id)).containsOnlyKeys(6L);

        byte[] workbook = workbook(
                new Object[]{"DANH SÁCH NGƯỜI DÂN"},
                new Object[]{},
                new Object[]{"Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Mã đơn vị"},
                new Object[]{"Dưới Tiêu Đề", "04/04/1974", "Nam", "066074990004", "24133.01"});
        JsonNode done = importFile(admin, "PERSON", "co-tieu-de.xlsx", workbook);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("headerRow").asLong()).isEqualTo(3);
        assertThat(done.get("message").asText()).contains("dòng 3");
        assertThat(jdbc.sql("SELECT birth_date FROM person WHERE full_name = 'Dưới Tiêu Đề'").query(java.sql.Date.class)
                .single().toLocalDate()).isEqualTo(java.time.LocalDate.of(1974, 4, 4));
    }

    @Test
    void aCellAtColumnZZZZZZIsIgnoredAndAHeaderWiderThanTheLimitIsRefused() throws IOException {
        String admin = token("province-admin");
        byte[] stray = rawXlsx("<row r=\"1\">" + inline("A1", "Họ và tên") + inline("B1", "Ngày sinh")
                + inline("C1", "Giới tính") + inline("D1", "Số CCCD") + inline("E1", "Mã đơn vị") + "</row>"
                + "<row r=\"2\">" + inline("A2", "Cột Xa Tít") + inline("B2", "05/05/1985") + inline("C2", "Nam")
                + inline("D2", "066085990005") + inline("E2", "24133.01") + "<c r=\"ZZZZZZ2\"><v>1</v></c></row>");
        Http.Response up = upload(admin, "PERSON", "o-xa.xlsx", stray);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(up.json().get("header").size()).isEqualTo(5);
        assertThat(up.json().get("preview").get(0).size()).isEqualTo(5);
        String id = up.json().get("job").get("id").asText();
        http.post("/api/v1/imports/" + id + "/start", admin, null);
        assertThat(await(admin, id).get("status").asText()).isEqualTo("DONE");

        byte[] wide = rawXlsx("<row r=\"1\">" + inline("A1", "Họ và tên") + inline("ZZZZZZ1", "Ghi chú") + "</row>"
                + "<row r=\"2\">" + inline("A2", "Ai Đó") + "</row>");
        Http.Response refused = upload(admin, "PERSON", "rong.xlsx", wide);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("nhiều hơn 200 cột");
        StringBuilder csv = new StringBuilder("Họ và tên");
        for (int i = 0; i < 300; i++) {
            csv.append(",Cột ").append(i);
        }
        Http.Response wideCsv = upload(admin, "PERSON", "rong.csv", csv.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        assertThat(wideCsv.status()).isEqualTo(400);
        assertThat(wideCsv.json().get("detail").asText()).contains("nhiều hơn 200 cột");
    }

    @Test
    void anImportCutOffByACrashIsFailedRetriableAndItsStagedRowsCleared() {
        String admin = token("province-admin");
        String csv = HEADER + "Bị Cắt Ngang,06/06/1986,Nữ,066186990006,24133.01,Kinh,,\n";
        String dead = uploadId(admin, "PERSON", "dut.csv", csv);
        String alive = uploadId(admin, "PERSON", "dang-chay.csv", csv + "Vẫn Đang Chạy,07/06/1986,Nữ,066186990016,24133.01,Kinh,,\n");
        // both were started and staged rows; then one instance died, the other still beats
        assertThat(importJobs.markRunning(dead, 1, "{}", "instance-that-crashed")).isTrue();
        assertThat(importJobs.markRunning(alive, 1, "{}", "instance-still-alive")).isTrue();
        stage(dead);
        stage(alive);
        jdbc.sql("UPDATE import_job SET heartbeat_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofHours(1))), dead).update();

        imports.recoverInterrupted();

        JsonNode failed = http.get("/api/v1/imports/" + dead, admin).json();
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("retriable").asBoolean()).isTrue();
        assertThat(failed.get("message").asText()).contains("bị gián đoạn", "nhập lại");
        assertThat(count("SELECT COUNT(*) FROM import_person_stage WHERE job_id = '" + dead + "'")).isZero();
        assertThat(uploadExists(dead)).isFalse();
        JsonNode running = http.get("/api/v1/imports/" + alive, admin).json();
        assertThat(running.get("status").asText()).as("a job whose instance is alive is left alone").isEqualTo("RUNNING");
        assertThat(count("SELECT COUNT(*) FROM import_person_stage WHERE job_id = '" + alive + "'")).isEqualTo(1);
        assertThat(uploadExists(alive)).isTrue();

        // the file the crash held can be imported again at once
        JsonNode again = importFile(admin, "PERSON", "dut.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(again.get("status").asText()).isEqualTo("DONE");
        assertThat(count("SELECT COUNT(*) FROM person WHERE full_name = 'Bị Cắt Ngang'")).isEqualTo(1);

        importJobs.finish(alive, vn.binhdan.importing.ImportJob.Status.FAILED, 0, 0,
                vn.binhdan.importing.ImportOutcome.rejected(0), "test");
        jdbc.sql("DELETE FROM import_person_stage WHERE job_id = ?").param(alive).update();
    }

    @Test
    void duplicatedColumnNamesAreRefused() {
        String admin = token("province-admin");
        Http.Response dup = upload(admin, "PERSON", "trung-cot.csv",
                ("Họ và tên,Ngày sinh,Giới tính,Số CCCD,Mã đơn vị,HỌ VÀ TÊN\n"
                        + "Hai Tên,01/01/1980,Nam,066080990013,24133.01,Tên Khác\n").getBytes(StandardCharsets.UTF_8));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.json().get("detail").asText()).contains("xuất hiện hai lần", "cột A và cột F");
    }

    @Test
    void textTypedInTcvn3OrVniIsRefusedWithAdviceToConvertIt() {
        String admin = token("province-admin");
        Http.Response tcvn3 = upload(admin, "PERSON", "tcvn3.csv",
                (HEADER + "NguyÔn V¨n An,01/01/1980,Nam,066080990101,24133.01,Kinh,,\n").getBytes(StandardCharsets.UTF_8));
        assertThat(tcvn3.status()).isEqualTo(400);
        assertThat(tcvn3.json().get("detail").asText()).contains("TCVN3", "dòng 2, cột A", "Unikey");
        Http.Response vni = upload(admin, "PERSON", "vni.csv",
                (HEADER + "Nguyeãn Vaên An,01/01/1980,Nam,066080990102,24133.01,Kinh,,\n").getBytes(StandardCharsets.UTF_8));
        assertThat(vni.status()).isEqualTo(400);
        assertThat(vni.json().get("detail").asText()).contains("VNI", "Unikey");
        // Unicode Vietnamese, ethnic names included, passes
        Http.Response unicode = upload(admin, "PERSON", "unicode.csv",
                (HEADER + "Nguyễn Văn Ân,01/01/1980,Nam,066080990103,24133.01,Kinh,,\n"
                        + "H'Hoa Êban,01/01/1981,Nữ,066181990104,24175.01,Ê Đê,,\n").getBytes(StandardCharsets.UTF_8));
        assertThat(unicode.status()).as(unicode.body()).isEqualTo(201);
        http.delete("/api/v1/imports/" + unicode.json().get("job").get("id").asText(), admin);
    }

    @Test
    void aNoBreakSpaceIsTrimmedLikeASpace() {
        String admin = token("province-admin");
        String nb = "\u00A0";
        String csv = HEADER + nb + "Lò" + nb + "Văn" + nb + nb + "Khoảng" + nb + ",08/08/1988" + nb + ",Nam" + nb
                + ",066" + nb + "088" + nb + "990" + nb + "011,24133.01" + nb + ",Thái,,\n";
        JsonNode job = importFile(admin, "PERSON", "nbsp.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("DONE");
        assertThat(jdbc.sql("SELECT full_name FROM person WHERE id_last3 = '011' AND full_name LIKE 'Lò%'")
                .query(String.class).single()).isEqualTo("Lò Văn Khoảng");
        assertThat(http.get("/api/v1/persons?q=lo%20van%20khoang", admin).json().get(0).get("fullName").asText())
                .isEqualTo("Lò Văn Khoảng");
    }

    @Test
    void theErrorReportDownloadsEvenWhenABadCellHolds40000Characters() throws IOException {
        String admin = token("province-admin");
        // more than an Excel cell holds: a CSV, or a workbook written by another tool
        String huge = "Dài".repeat(13_334);
        String csv = HEADER + huge + ",01/01/1970,Nam,066070990012,24133.01,Kinh,,\n";
        JsonNode job = importFile(admin, "PERSON", "dai.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(job.get("status").asText()).isEqualTo("REJECTED");
        List<List<String>> report = reportRows(admin, job.get("id").asText());
        assertThat(report.get(1).get(1)).contains("dài quá 200 ký tự");
        assertThat(report.get(1).get(2)).hasSize(32_767).startsWith("DàiDài");
    }

    @Test
    void theSameFileStartedTwiceAtOnceIsToldItIsBeingImported() {
        String admin = token("province-admin");
        String csv = HEADER + "Nhập Hai Lần,07/07/1987,Nam,066087990007,24133.01,Kinh,,\n";
        String first = uploadId(admin, "PERSON", "hai-lan.csv", csv);
        String second = uploadId(admin, "PERSON", "hai-lan (1).csv", csv);
        // the first is running, on this instance or another
        assertThat(importJobs.markRunning(first, 1, "{}", "another-instance")).isTrue();
        Http.Response refused = http.post("/api/v1/imports/" + second + "/start", admin, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("đang được nhập");
        assertThat(http.get("/api/v1/imports/" + second, admin).json().get("status").asText()).isEqualTo("UPLOADED");

        // once the first has ended, the second runs
        importJobs.finish(first, vn.binhdan.importing.ImportJob.Status.DONE, 1, 0,
                new vn.binhdan.importing.ImportOutcome(1, 0, 0, 1), "test");
        assertThat(http.post("/api/v1/imports/" + second + "/start", admin, null).status()).isEqualTo(202);
        assertThat(await(admin, second).get("status").asText()).isEqualTo("DONE");
    }

    boolean uploadExists(String jobId) {
        return java.nio.file.Files.exists(importDir.resolve(jobId + ".upload"));
    }

    Http.Response upload(String token, String kind, String name, byte[] content) {
        return http.upload("/api/v1/imports", token, Map.of("kind", kind), name, content);
    }

    String uploadId(String token, String kind, String name, String csv) {
        Http.Response up = upload(token, kind, name, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        return up.json().get("job").get("id").asText();
    }

    void stage(String jobId) {
        jdbc.sql("""
                INSERT INTO import_person_stage (job_id, row_no, id_hash, id_last3, full_name, name_folded, birth_date,
                  sex, unit_code, data_hash) VALUES (?, 2, ?, '006', 'Bị Cắt Ngang', 'bi cat ngang', DATE '1986-06-06',
                  'FEMALE', '24133.01', 'x')""").params(jobId, "h-" + jobId).update();
    }

    /** Every cell of the error report as text, the header row first. */
    List<List<String>> reportRows(String token, String id) throws IOException {
        Http.Response r = http.get("/api/v1/imports/" + id + "/errors.xlsx", token);
        assertThat(r.status()).isEqualTo(200);
        List<List<String>> rows = new ArrayList<>();
        org.apache.poi.ss.usermodel.DataFormatter f = new org.apache.poi.ss.usermodel.DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.bytes()))) {
            Sheet sheet = wb.getSheetAt(0);
            for (int i = 0; i <= sheet.getLastRowNum(); i++) {
                List<String> cells = new ArrayList<>();
                for (org.apache.poi.ss.usermodel.Cell c : sheet.getRow(i)) {
                    cells.add(f.formatCellValue(c));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    /** A day number shown through a date format, as Excel stores a date. */
    record DateCell(double serial) {
    }

    /** A workbook of strings, numbers in General cells, and {@link DateCell}s. */
    static byte[] workbook(Object[]... rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("Danh sách");
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            for (int i = 0; i < rows.length; i++) {
                Row r = s.createRow(i);
                for (int j = 0; j < rows[i].length; j++) {
                    Object v = rows[i][j];
                    var c = r.createCell(j);
                    if (v instanceof DateCell d) {
                        c.setCellValue(d.serial());
                        c.setCellStyle(dateStyle);
                    } else if (v instanceof Double d) {
                        c.setCellValue(d);
                    } else {
                        c.setCellValue(String.valueOf(v));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    /** A minimal workbook around the given sheet rows, written by hand: Excel's API cannot go past column XFD. */
    static byte[] rawXlsx(String rows) throws IOException {
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
            zip.write(("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + rows + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
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

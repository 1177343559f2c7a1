package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.binhdan.assessment.AttemptPassed;
import vn.binhdan.certification.Certificates;
import vn.binhdan.monitoring.Metrics;
import vn.binhdan.monitoring.Rollups;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.reporting.Period;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * Periodic reports: a ward drafts its quarterly report with the platform's figures filled in,
 * the province returns it, the ward corrects and resubmits, the province approves and
 * consolidates; plus the refusals, completeness and lateness, and the sums of several wards.
 * Each scenario works on its own period so that they do not depend on each other's order.
 */
public abstract class ReportingScenarios extends EndToEnd {

    static final String FORM = "BDHVS-QUY";
    static final String WARD = "Phường Buôn Ma Thuột";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    Certificates certificates;
    @Autowired
    Rollups rollups;

    String report(String unitCode, String period) {
        return "/api/v1/reports/" + FORM + "/" + unit(unitCode) + "/" + period;
    }

    static String currentQuarter() {
        return Period.containing(Period.Type.QUARTER, LocalDate.now(VIETNAM)).id();
    }

    static JsonNode figure(JsonNode report, String indicator, String group) {
        for (JsonNode item : report.get("items")) {
            if (item.get("indicatorCode").asText().equals(indicator)) {
                for (JsonNode f : item.get("figures")) {
                    if (f.get("group").asText().equals(group)) {
                        return f;
                    }
                }
            }
        }
        throw new AssertionError("no figure " + indicator + "/" + group + " in " + report);
    }

    static Map<String, Object> entry(String indicator, String group, Long numerator, Long denominator) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("indicator", indicator);
        m.put("group", group);
        m.put("numerator", numerator);
        m.put("denominator", denominator);
        return m;
    }

    static Map<String, Object> draft(List<Map<String, Object>> figures, Map<String, String> texts) {
        return World.map("figures", figures, "texts", texts);
    }

    /**
     * Submits with an explanation for every warning the figures raise (the test world's registry
     * holds a handful of persons, so a typed population is always far from it).
     */
    Http.Response submitExplained(String path, String token) {
        return submitExplained(http, path, token);
    }

    /** Submits with an explanation for each warning the rules raise (a typed total far from the registry's). */
    static Http.Response submitExplained(Http http, String path, String token) {
        JsonNode r = ok(http.get(path, token)).json();
        Map<String, String> explanations = new java.util.LinkedHashMap<>();
        for (JsonNode v : r.get("violations")) {
            if ("WARNING".equals(v.get("importance").asText())) {
                explanations.put(v.get("key").asText(), "Số liệu theo thống kê chính thức của đơn vị.");
            }
        }
        return http.post(path + "/submit", token, World.map("explanations", explanations));
    }

    private static Http.Response ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    private static void refused(Http.Response r, int status, String inDetail) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("detail").asText()).contains(inDetail);
    }

    private void awaitRolledUp() throws InterruptedException {
        for (int i = 0; i < 100 && rollups.waiting() > 0; i++) {
            Thread.sleep(20);
        }
        assertThat(rollups.waiting()).as("changes still waiting a second after commit").isZero();
    }

    @Test
    void aWardReportIsReturnedCorrectedApprovedAndConsolidatedIntoTheProvince() throws Exception {
        String officer = token("commune-officer");
        String admin = token("province-admin");
        String quarter = currentQuarter();
        String path = report("24133", quarter);

        JsonNode fresh = ok(http.get(path, officer)).json();
        assertThat(fresh.get("status").asText()).isEqualTo("NOT_STARTED");
        assertThat(fresh.get("formName").asText()).isEqualTo("Báo cáo kết quả triển khai phong trào Bình dân học vụ số");
        assertThat(fresh.get("items")).as("the shipped form carries the whole catalogue").hasSize(10);
        long before = figure(fresh, "CERTIFIED_SHARE", "CIVIL_SERVANT").path("numerator").asLong();

        // a civil servant of the ward's People's Committee is certified: the draft shows it at once
        long an = person("Nguyễn Văn An");
        SystemUser.run(SystemUser.SYSTEM, () -> certificates.onPass(new AttemptPassed("passed:report-flow", "report-flow",
                an, TargetGroup.CIVIL_SERVANT, "1.0", 90, Instant.now())));
        awaitRolledUp();
        JsonNode live = ok(http.get(path, officer)).json();
        JsonNode certified = figure(live, "CERTIFIED_SHARE", "CIVIL_SERVANT");
        long ward = unit("24133");
        long year = LocalDate.now(VIETNAM).getYear();
        assertThat(certified.get("numerator").asLong()).isEqualTo(before + 1)
                .isEqualTo(rollups.totals(Metrics.CERTIFIED, List.of(ward)).get(ward).get("CIVIL_SERVANT"));
        assertThat(certified.get("numeratorSource").asText()).isEqualTo("COMPUTED");
        long civilServants = rollups.population(List.of(ward), (int) year).get(ward).get(TargetGroup.CIVIL_SERVANT).value();
        assertThat(certified.get("denominator").asLong()).isEqualTo(civilServants).isPositive();
        assertThat(certified.get("share").decimalValue()).isEqualByComparingTo(java.math.BigDecimal.valueOf(
                certified.get("numerator").asLong() * 100).divide(java.math.BigDecimal.valueOf(civilServants), 1,
                java.math.RoundingMode.HALF_UP));

        // the officer types the reported figures and the texts
        Map<String, String> texts = Map.of(
                "RESULTS", "Đã tổ chức 3 lớp Bình dân học vụ số cho 120 người dân.",
                "GOOD_MODELS", "Mô hình «Mỗi tổ dân phố một tổ công nghệ số».",
                "DIFFICULTIES", "Nhiều người cao tuổi chưa có điện thoại thông minh.",
                "PROPOSALS", "Đề nghị tỉnh hỗ trợ thiết bị cho các lớp học.");
        List<Map<String, Object>> figures = List.of(
                entry("VNEID_CONFIRMED_SHARE", "ADULT", 120L, 300L),
                entry("DIGITAL_SIGNATURE_SHARE", "CIVIL_SERVANT", 40L, 50L),
                entry("MOOC_SELF_STUDY_SHARE", "CIVIL_SERVANT", 35L, 50L));
        JsonNode saved = ok(http.put(path, officer, draft(figures, texts))).json();
        assertThat(saved.get("status").asText()).isEqualTo("DRAFT");
        JsonNode vneid = figure(saved, "VNEID_CONFIRMED_SHARE", "ADULT");
        assertThat(vneid.get("share").decimalValue()).isEqualByComparingTo("40.0");
        assertThat(vneid.get("numeratorSource").asText()).isEqualTo("DECLARED");
        assertThat(vneid.get("enteredBy").asText()).isEqualTo("commune-officer");
        String typedAt = vneid.get("enteredAt").asText();
        // a share without a typed denominator takes the ward's population
        JsonNode signatureAdults = figure(saved, "DIGITAL_SIGNATURE_SHARE", "ADULT");
        assertThat(signatureAdults.path("numerator").isMissingNode()).isTrue();
        assertThat(signatureAdults.get("denominatorSource").asText()).isEqualTo("POPULATION");

        JsonNode submitted = ok(submitExplained(path, officer)).json();
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("live").asBoolean()).isFalse();
        assertThat(submitted.get("submittedBy").asText()).isEqualTo("commune-officer");
        assertThat(figure(submitted, "CERTIFIED_SHARE", "CIVIL_SERVANT").get("numerator").asLong()).isEqualTo(before + 1);
        // a second submit (a double tap, a retry) returns the report as it is
        JsonNode again = ok(http.post(path + "/submit", officer, null)).json();
        assertThat(again.get("submittedAt").asText()).isEqualTo(submitted.get("submittedAt").asText());
        assertThat(again.get("history")).hasSize(1);
        refused(http.put(path, officer, draft(figures, texts)), 409, "chờ cấp trên");

        JsonNode queue = ok(http.get("/api/v1/reports/queue", admin)).json();
        assertThat(queue.toString()).contains(WARD);
        String comment = "Số liệu chữ ký số chưa khớp với số của Công an tỉnh, đề nghị rà soát lại.";
        JsonNode returned = ok(http.post(path + "/return", admin, World.map("comment", comment))).json();
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("can").get("edit").asBoolean()).as("the approver decides; it does not fill in"
                + " the ward's form").isFalse();

        JsonNode seen = ok(http.get(path, officer)).json();
        assertThat(seen.get("status").asText()).isEqualTo("RETURNED");
        assertThat(seen.get("returnComment").asText()).isEqualTo(comment);
        Http browser = new Http(port, true);
        browser.formLogin("commune-officer", World.PASSWORD);
        String page = browser.getHtml("/reports/" + FORM + "/" + ward + "/" + quarter).body();
        assertThat(page).contains(comment, "Bị trả lại", "tự động", "khai báo", "Khai báo bởi commune-officer");

        List<Map<String, Object>> corrected = List.of(
                entry("VNEID_CONFIRMED_SHARE", "ADULT", 120L, 300L),
                entry("DIGITAL_SIGNATURE_SHARE", "CIVIL_SERVANT", 45L, 50L),
                entry("MOOC_SELF_STUDY_SHARE", "CIVIL_SERVANT", 35L, 50L));
        JsonNode edited = ok(http.put(path, officer, draft(corrected, texts))).json();
        assertThat(figure(edited, "VNEID_CONFIRMED_SHARE", "ADULT").get("enteredAt").asText())
                .as("an unchanged figure keeps who typed it and when").isEqualTo(typedAt);
        assertThat(figure(edited, "DIGITAL_SIGNATURE_SHARE", "CIVIL_SERVANT").get("share").decimalValue())
                .isEqualByComparingTo("90.0");
        assertThat(ok(submitExplained(path, officer)).json().get("status").asText()).isEqualTo("SUBMITTED");

        JsonNode approved = ok(http.post(path + "/approve", admin, null)).json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("history").valueStream().map(e -> e.get("action").asText()).toList())
                .containsExactly("SUBMITTED", "RETURNED", "SUBMITTED", "APPROVED");
        refused(http.put(path, officer, draft(corrected, texts)), 409, "đã được phê duyệt");
        refused(http.post(path + "/submit", officer, null), 409, "đã được phê duyệt");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE subject_type = 'REPORT' AND subject_id = ?")
                .param(FORM + "/24133/" + quarter).query(Long.class).single()).as("every change audited").isEqualTo(6);
        assertThat(jdbc.sql("""
                SELECT detail FROM audit_event WHERE subject_type = 'REPORT' AND subject_id = ? AND action = 'UPDATE'
                ORDER BY id DESC LIMIT 1""").param(FORM + "/24133/" + quarter).query(String.class).single())
                .as("the correction, and only it").isEqualTo("DIGITAL_SIGNATURE_SHARE/CIVIL_SERVANT=45/50");

        // the province sees the ward's figures consolidated
        JsonNode consolidated = ok(http.get(report("66", quarter) + "/consolidated", admin)).json();
        assertThat(consolidated.get("approvedCount").asInt()).isEqualTo(1);
        int vneidColumn = column(consolidated, "VNEID_CONFIRMED_SHARE", "ADULT");
        JsonNode total = consolidated.get("totals").get(vneidColumn);
        assertThat(total.get("numerator").asLong()).isEqualTo(120);
        assertThat(total.get("denominator").asLong()).isEqualTo(300);
        assertThat(total.get("share").decimalValue()).isEqualByComparingTo("40.0");
        assertThat(consolidated.get("sections").get(0).get("texts").get(0).get("unitName").asText()).isEqualTo(WARD);
        assertThat(consolidated.get("sections").get(0).get("texts").get(0).get("body").asText()).contains("3 lớp");

        Http.Response xlsx = http.get(report("66", quarter) + "/consolidated.xlsx", admin);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("Bình dân học vụ số");
            int col = headerColumn(sheet, "Tỷ lệ người dân trưởng thành được xác nhận hoàn thành trên VNeID");
            Row wardRow = row(sheet, WARD);
            assertThat(wardRow.getCell(1).getStringCellValue()).isEqualTo("Đã duyệt");
            assertThat(wardRow.getCell(col).getNumericCellValue()).isEqualTo(120);
            Row totalRow = row(sheet, "Tổng cộng");
            assertThat(totalRow.getCell(col).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(totalRow.getCell(col).getNumericCellValue()).isEqualTo(120);
            assertThat(totalRow.getCell(col + 1).getNumericCellValue()).isEqualTo(300);
            Cell share = totalRow.getCell(col + 2);
            assertThat(share.getNumericCellValue()).isEqualTo(0.4);
            assertThat(share.getCellStyle().getDataFormatString()).contains("%");
            assertThat(row(sheet, "Xã Hòa Phú").getCell(1).getStringCellValue()).isEqualTo("Chưa lập");
            assertThat(wb.getSheetAt(1).getRow(3).getCell(0).getStringCellValue()).isEqualTo(WARD);
        }
        // the same figures as the administrative report the committee signs (Decree 30 layout)
        Http.Response docx = http.get(report("66", quarter) + "/consolidated.docx", admin);
        assertThat(docx.status()).isEqualTo(200);
        assertThat(docx.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml");
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new ByteArrayInputStream(docx.bytes()));
             org.apache.poi.xwpf.extractor.XWPFWordExtractor text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "BÁO CÁO", "Bình dân học vụ số", WARD, "40,0 %", "Không có số liệu", "Nơi nhận:", "3 lớp");
            // communes without an approved report are one line, not a page of empty rows
            assertThat(text.getText()).containsPattern("Chưa có báo cáo được duyệt \\(\\d+ đơn vị\\): [^\\n]*Xã Hòa Phú");
        }
        Http.Response pdf = http.get(report("66", quarter) + "/consolidated.pdf", admin);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        try (var loaded = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(loaded)).contains("BÁO CÁO", WARD);
        }
        assertThat(http.get(report("66", quarter) + "/consolidated.docx", token("commune-officer")).status()).isEqualTo(403);
        // the same file from the page, for a signed-in browser
        Http provinceBrowser = new Http(port, true);
        provinceBrowser.formLogin("province-admin", World.PASSWORD);
        String consolidatedPage = provinceBrowser.getHtml("/reports/" + FORM + "/" + unit("66") + "/" + quarter
                + "/consolidated").body();
        assertThat(consolidatedPage).contains(WARD, "40,0 %", "consolidated.xlsx", "consolidated.docx", "consolidated.pdf");
        assertThat(provinceBrowser.getHtml("/reports/" + FORM + "/" + unit("66") + "/" + quarter + "/consolidated.xlsx")
                .bytes()).startsWith('P', 'K');
    }

    @Test
    void sharesOfSeveralWardsAreRecomputedFromTheSumsAndTheProvinceReportStartsFromThem() throws Exception {
        String period = "2025Q4";
        String admin = token("province-admin");
        ok(http.put(report("24133", period), token("commune-officer"), draft(List.of(
                entry("VNEID_CONFIRMED_SHARE", "ADULT", 30L, 100L),
                entry("DIGITAL_SIGNATURE_SHARE", "CIVIL_SERVANT", 0L, 0L)), Map.of("RESULTS", "Phường: kết quả quý 4."))));
        ok(submitExplained(report("24133", period), token("commune-officer")));
        ok(http.put(report("24175", period), token("other-officer"), draft(List.of(
                entry("VNEID_CONFIRMED_SHARE", "ADULT", 10L, 20L)), Map.of("RESULTS", "Xã: kết quả quý 4."))));
        ok(submitExplained(report("24175", period), token("other-officer")));
        // submitted but not approved yet: nothing is consolidated
        JsonNode pending = ok(http.get(report("66", period) + "/consolidated", admin)).json();
        assertThat(pending.get("approvedCount").asInt()).isZero();
        assertThat(pending.get("totals").get(column(pending, "VNEID_CONFIRMED_SHARE", "ADULT")).path("numerator")
                .isMissingNode()).isTrue();
        ok(http.post(report("24133", period) + "/approve", admin, null));
        ok(http.post(report("24175", period) + "/approve", admin, null));

        JsonNode c = ok(http.get(report("66", period) + "/consolidated", admin)).json();
        JsonNode vneid = c.get("totals").get(column(c, "VNEID_CONFIRMED_SHARE", "ADULT"));
        assertThat(vneid.get("numerator").asLong()).isEqualTo(40);
        assertThat(vneid.get("denominator").asLong()).isEqualTo(120);
        assertThat(vneid.get("share").decimalValue()).as("40/120, not the average of 30% and 50%").isEqualByComparingTo("33.3");
        JsonNode signature = c.get("totals").get(column(c, "DIGITAL_SIGNATURE_SHARE", "CIVIL_SERVANT"));
        assertThat(signature.get("denominator").asLong()).isZero();
        assertThat(signature.path("share").isMissingNode()).as("no share over zero, never 0% or infinity").isTrue();
        assertThat(c.get("sections").get(0).get("texts").valueStream().map(t -> t.get("unitName").asText()).toList())
                .containsExactly(WARD, "Xã Hòa Phú");

        // the province's own report starts from the approved wards, numerator and denominator together
        JsonNode own = ok(http.get(report("66", period), admin)).json();
        JsonNode ownVneid = figure(own, "VNEID_CONFIRMED_SHARE", "ADULT");
        assertThat(ownVneid.get("numerator").asLong()).isEqualTo(40);
        assertThat(ownVneid.get("numeratorSource").asText()).isEqualTo("CONSOLIDATED");
        assertThat(ownVneid.get("denominator").asLong()).isEqualTo(120);
        assertThat(ownVneid.get("share").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(own.get("consolidates").asBoolean()).isTrue();

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                http.get(report("66", period) + "/consolidated.xlsx", admin).bytes()))) {
            Sheet sheet = wb.getSheetAt(0);
            int col = headerColumn(sheet, "Tỷ lệ đăng ký sử dụng chữ ký số");
            Row total = row(sheet, "Tổng cộng");
            assertThat(total.getCell(col).getNumericCellValue()).isZero();
            assertThat(total.getCell(col + 2).getStringCellValue()).isEqualTo("Không có số liệu");
            int vneidCol = headerColumn(sheet, "Tỷ lệ người dân trưởng thành được xác nhận hoàn thành trên VNeID");
            assertThat(total.getCell(vneidCol + 2).getNumericCellValue()).as("the shown 33,3 %, no float noise")
                    .isEqualTo(0.333);
            assertThat(row(sheet, "Xã Hòa Phú").getCell(vneidCol + 2).getNumericCellValue()).isEqualTo(0.5);
            // printed as a commune office prints it: landscape, one page wide, header rows on every page
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getRepeatingRows()).isNotNull();
        }
        // the signer the clerk types, and the decree's serif font embedded in the PDF
        String signed = report("66", period) + "/consolidated.docx?signer="
                + java.net.URLEncoder.encode("Nguyễn Văn Bình", java.nio.charset.StandardCharsets.UTF_8) + "&signerTitle="
                + java.net.URLEncoder.encode("Phó Trưởng ban Thường trực", java.nio.charset.StandardCharsets.UTF_8);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(http.get(signed, admin).bytes()));
             var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("Nguyễn Văn Bình", "33,3 %").doesNotContain("E+");
            assertThat(text.getText().toLowerCase(java.util.Locale.forLanguageTag("vi"))).contains("phó trưởng ban thường trực");
        }
        refused(http.get(report("66", period) + "/consolidated.pdf?signer=" + "x".repeat(101), admin), 400, "không quá 100");
        try (var loaded = org.apache.pdfbox.Loader.loadPDF(http.get(report("66", period) + "/consolidated.pdf", admin).bytes())) {
            java.util.Set<String> fonts = new java.util.TreeSet<>();
            for (var page : loaded.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name).getName());
                }
            }
            assertThat(fonts).allMatch(f -> f.contains("LiberationSerif"));
        }
    }

    /** A number like 8E+1 standing alone (not letters and digits inside a token). */
    static final String SCIENTIFIC = "(?<![\\w-])\\d+(?:[.,]\\d+)?E[+-]?\\d+(?!\\w)";

    @Test
    void targetsAndSharesReadAsVietnameseWriteThemNeverInScientificNotation() {
        String admin = token("province-admin");
        long province = unit("66");
        // a year no other scenario touches
        int year = LocalDate.now(VIETNAM).getYear() + 4;
        for (String g : List.of("ADULT", "CIVIL_SERVANT", "STUDENT", "WORKER")) {
            ok(http.put("/api/v1/indicators/CERTIFIED_SHARE/targets", admin,
                    World.map("unitId", province, "group", g, "year", year, "value", g.equals("ADULT") ? 80 : 72.5)));
        }
        ok(http.put("/api/v1/indicators/CLASSES_HELD/targets", admin,
                World.map("unitId", province, "group", "ALL", "year", year, "value", 100)));
        Http browser = new Http(port, true);
        browser.formLogin("province-admin", World.PASSWORD);
        String page = browser.getHtml("/dashboard/" + province + "?year=" + year).body();
        assertThat(page).contains("80 %", "72,5 %").doesNotContainPattern(SCIENTIFIC).doesNotContain("80%");
        String english = browser.getHtml("/dashboard/" + province + "?year=" + year + "&lang=en").body();
        assertThat(english).contains("80%", "72.5%").doesNotContainPattern(SCIENTIFIC);
    }

    @Test
    void badInputIsRefusedWithAVietnameseReason() {
        String officer = token("commune-officer");
        String admin = token("province-admin");
        String period = "2025Q1";
        String path = report("24133", period);

        for (String missing : List.of("2026Q5", "2026M13", "garbage", "1999Q1")) {
            refused(http.get(report("24133", missing), officer), 400, "không tồn tại");
        }
        refused(http.get(report("24133", "2026M09"), officer), 400, "theo quý");
        refused(http.get("/api/v1/reports/KHONG-CO/" + unit("24133") + "/" + period, officer), 404, "KHONG-CO");
        refused(http.get(report("24133.01", period), officer), 400, "không thuộc diện");
        String nextYear = (LocalDate.now(VIETNAM).getYear() + 1) + "Q1";
        refused(http.post(report("24133", nextYear) + "/submit", officer, null), 400, "chưa bắt đầu");

        Http.Response negative = http.put(path, officer, draft(List.of(entry("VNEID_CONFIRMED_SHARE", "ADULT", -5L, 100L)), Map.of()));
        refused(negative, 400, "số âm");
        assertThat(negative.json().get("errors").get(0).get("field").asText()).isEqualTo("n-VNEID_CONFIRMED_SHARE-ADULT");
        refused(http.put(path, officer, draft(List.of(entry("CERTIFIED_SHARE", "ADULT", 5L, null)), Map.of())), 400,
                "tính tự động");
        refused(http.put(path, officer, draft(List.of(entry("CLASSES_HELD", "ALL", 3L, null)), Map.of())), 400,
                "tính tự động");
        refused(http.put(path, officer, draft(List.of(entry("VNEID_CONFIRMED_SHARE", "WORKER", 1L, 2L)), Map.of())), 400,
                "không thuộc chỉ tiêu");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_submission s JOIN unit u ON u.id = s.unit_id "
                + "WHERE u.code = '24133' AND s.period_id = ?").param(period).query(Long.class).single())
                .as("a refused draft leaves nothing behind").isZero();

        // a figure above its total is kept in the draft, the rules hold the submission back
        JsonNode above = ok(http.put(path, officer, draft(List.of(entry("VNEID_CONFIRMED_SHARE", "ADULT", 301L, 300L)),
                Map.of()))).json();
        assertThat(above.get("violations").toString()).contains("lớn hơn tổng số");
        refused(http.post(path + "/submit", officer, null), 422, "lớn hơn tổng số");

        // nobody decides a draft, the ward decides nothing about itself, another province nothing at all
        ok(http.put(path, officer, draft(List.of(entry("VNEID_CONFIRMED_SHARE", "ADULT", 5L, 10L)), Map.of())));
        refused(http.post(path + "/approve", admin, null), 409, "chưa được gửi");
        ok(submitExplained(path, officer));
        refused(http.post(path + "/approve", officer, null), 403, "cấp trên trực tiếp");
        refused(http.post(path + "/approve", token("lamdong-admin"), null), 403, "ngoài phạm vi");
        refused(http.post(path + "/return", admin, World.map("comment", "  ")), 400, "lý do trả lại");
        ok(http.post(path + "/approve", admin, null));
        refused(http.post(path + "/approve", admin, null), 409, "đã được phê duyệt");

        // the account that submitted a report cannot approve it, even with the right to
        String hoaPhu = report("24175", "2025Q2");
        ok(http.post(hoaPhu + "/submit", admin, null));
        refused(http.post(hoaPhu + "/approve", admin, null), 403, "người gửi báo cáo này");
        refused(http.post(hoaPhu + "/return", admin, World.map("comment", "Tự trả lại")), 403, "người gửi báo cáo này");
    }

    @Test
    void theProvinceSeesWhoHasNotReportedAndWhoWasLateAndRemindsThem() {
        // a past quarter: due on 15/09/2025, so a report submitted today is late whatever the date
        String period = "2025Q3";
        String admin = token("province-admin");
        String officer = token("commune-officer");
        ok(http.post(report("24133", period) + "/submit", officer, null));

        refused(http.get(report("66", period) + "/completeness", officer), 403, "ngoài phạm vi");
        JsonNode c = ok(http.get(report("66", period) + "/completeness", admin)).json();
        assertThat(c.get("dueOn").asText()).isEqualTo("2025-09-15");
        // other scenarios add communes to the shared province: count the province's communes and wards
        int communes = jdbc.sql("""
                SELECT COUNT(*) FROM unit WHERE parent_id = ? AND valid_to IS NULL AND type IN ('COMMUNE', 'WARD')""")
                .param(unit("66")).query(Integer.class).single();
        assertThat(c.get("expected").asInt()).as("the communes and wards, not the department").isEqualTo(communes);
        assertThat(c.get("children").valueStream().map(u -> u.get("unitCode").asText()).toList())
                .contains("24133", "24175").doesNotContain("66-SKHCN");
        assertThat(c.get("reported").asInt()).isEqualTo(1);
        assertThat(c.get("late").asInt()).isEqualTo(1);
        assertThat(c.get("notReported").asInt()).isEqualTo(communes - 1);
        assertThat(c.get("reportedPercent").decimalValue()).isEqualByComparingTo(java.math.BigDecimal.valueOf(100)
                .divide(java.math.BigDecimal.valueOf(communes), 1, java.math.RoundingMode.HALF_UP));
        assertThat(c.get("onTimePercent").decimalValue()).isEqualByComparingTo("0.0");
        JsonNode ward = child(c, "24133");
        assertThat(ward.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(ward.get("late").asBoolean()).isTrue();
        JsonNode hoaPhu = child(c, "24175");
        assertThat(hoaPhu.get("status").asText()).isEqualTo("NOT_STARTED");
        assertThat(hoaPhu.get("overdue").asBoolean()).isTrue();
        assertThat(c.get("canRemind").asBoolean()).isTrue();

        refused(http.post(report("66", period) + "/reminders", officer, null), 403, "ngoài phạm vi");
        JsonNode reminded = ok(http.post(report("66", period) + "/reminders", admin, null)).json();
        assertThat(child(reminded, "24175").get("reminders").asInt()).isEqualTo(1);
        assertThat(child(reminded, "24133").get("reminders").asInt()).as("a unit that reported is not reminded").isZero();
        JsonNode seen = ok(http.get(report("24175", period), token("other-officer"))).json();
        assertThat(seen.get("reminders").get(0).get("fromUnitName").asText()).isEqualTo("Tỉnh Đắk Lắk");
        assertThat(seen.get("reminders").get(0).get("sentBy").asText()).isEqualTo("province-admin");
        Http browser = new Http(port, true);
        browser.formLogin("other-officer", World.PASSWORD);
        assertThat(browser.getHtml("/reports/" + FORM + "/" + unit("24175") + "/" + period).body())
                .contains("Nhắc nhở từ cấp trên", "Tỉnh Đắk Lắk (province-admin) nhắc nộp báo cáo lúc");

        Http province = new Http(port, true);
        province.formLogin("province-admin", World.PASSWORD);
        String page = province.getHtml("/reports/" + FORM + "/" + unit("66") + "/" + period + "/completeness").body();
        assertThat(page).contains("Xã Hòa Phú", "quá hạn", "nộp muộn", "<th scope=\"row\"", "Nhắc các đơn vị chưa nộp");
    }

    @Test
    void anotherCommuneCannotReadOrChangeTheWardReport() {
        String other = token("other-officer");
        String path = report("24133", currentQuarter());
        refused(http.get(path, other), 403, "ngoài phạm vi");
        refused(http.put(path, other, draft(List.of(), Map.of("RESULTS", "x"))), 403, "ngoài phạm vi");
        refused(http.post(path + "/submit", other, null), 403, "ngoài phạm vi");
        refused(http.get(report("66", currentQuarter()) + "/consolidated", other), 403, "ngoài phạm vi");
        Http browser = new Http(port, true);
        browser.formLogin("other-officer", World.PASSWORD);
        Http.Response page = browser.getHtml("/reports/" + FORM + "/" + unit("24133") + "/" + currentQuarter());
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("ngoài phạm vi").doesNotContain("Kết quả thực hiện");
        assertThat(browser.getHtml("/reports").body()).contains("Xã Hòa Phú").doesNotContain(WARD);
    }

    @Test
    void theWardFillsTheFormOnItsPhoneAndEachErrorPointsAtItsField() {
        String period = "2024Q4";
        long ward = unit("24133");
        Http browser = new Http(port, true);
        browser.formLogin("commune-officer", World.PASSWORD);
        assertThat(browser.getHtml("/").body()).contains("href=\"/reports\"");
        String url = "/reports/" + FORM + "/" + ward + "/" + period;
        String page = browser.getHtml(url).body();
        assertThat(page).contains("<label for=\"n-VNEID_CONFIRMED_SHARE-ADULT\">", "<legend>Người dân trưởng thành</legend>",
                "<label for=\"t-DIFFICULTIES\">Khó khăn, vướng mắc</label>", "Gửi báo cáo");
        String csrf = Http.csrf(page);

        Http.Response refusedPage = browser.postRaw(url, "_csrf=" + csrf + "&action=save"
                + "&n-VNEID_CONFIRMED_SHARE-ADULT=-5&d-VNEID_CONFIRMED_SHARE-ADULT=abc&t-RESULTS=K%E1%BA%BFt+qu%E1%BA%A3");
        assertThat(refusedPage.status()).isEqualTo(400);
        assertThat(refusedPage.body()).contains("href=\"#d-VNEID_CONFIRMED_SHARE-ADULT\"", "aria-invalid=\"true\"",
                "id=\"e-d-VNEID_CONFIRMED_SHARE-ADULT\"", "vui lòng nhập số nguyên", "value=\"-5\"", "Kết quả");

        // a total far from the registry's is a warning: saved, but not sent until it is explained
        String figures = "&n-VNEID_CONFIRMED_SHARE-ADULT=1.250&d-VNEID_CONFIRMED_SHARE-ADULT=2.500&t-RESULTS=K%E1%BA%BFt+qu%E1%BA%A3";
        Http.Response held = browser.postRaw(url, "_csrf=" + csrf + "&action=submit" + figures);
        assertThat(held.status()).isEqualTo(422);
        String box = "x-POPULATION_NEAR_REGISTRY/VNEID_CONFIRMED_SHARE/ADULT";
        assertThat(held.body()).contains("Đã lưu bản nháp nhưng chưa gửi được", "Cần giải trình trước khi gửi",
                "name=\"" + box + "\"", "value=\"1.250\"");
        Http.Response sent = browser.postRaw(url, "_csrf=" + csrf + "&action=submit" + figures + "&"
                + java.net.URLEncoder.encode(box, java.nio.charset.StandardCharsets.UTF_8)
                + "=S%E1%BB%91+li%E1%BB%87u+theo+th%E1%BB%91ng+k%C3%AA+c%E1%BB%A7a+ph%C6%B0%E1%BB%9Dng");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("Đã gửi báo cáo lên cấp trên.", "Đã gửi, chờ duyệt", "50,0 %", "1.250",
                "nộp muộn");

        Http province = new Http(port, true);
        province.formLogin("province-admin", World.PASSWORD);
        assertThat(province.getHtml("/reports/queue").body()).contains(WARD, "<th scope=\"row\"");
        String decision = province.getHtml(url).body();
        assertThat(decision).contains("Phê duyệt", "Ý kiến khi trả lại", "Giải trình của đơn vị",
                "Số liệu theo thống kê của phường");
        String provinceCsrf = Http.csrf(decision);
        Http.Response noComment = province.postRaw(url + "/return", "_csrf=" + provinceCsrf + "&comment=");
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.body()).contains("href=\"#comment\"", "ghi rõ lý do");
        assertThat(province.postRaw(url + "/approve", "_csrf=" + provinceCsrf).body()).contains("Đã phê duyệt báo cáo.");

        // English is second, as everywhere
        assertThat(browser.getHtml(url + "?lang=en").body()).contains("Report on the progress", "Q4 2024", "Approved",
                "automatic", "Achieved");
    }

    private static int column(JsonNode consolidated, String indicator, String group) {
        JsonNode columns = consolidated.get("columns");
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).get("indicatorCode").asText().equals(indicator) && columns.get(i).get("group").asText().equals(group)) {
                return i;
            }
        }
        throw new AssertionError("no column " + indicator + "/" + group);
    }

    private static JsonNode child(JsonNode completeness, String unitCode) {
        return completeness.get("children").valueStream().filter(c -> c.get("unitCode").asText().equals(unitCode))
                .findFirst().orElseThrow();
    }

    private static int headerColumn(Sheet sheet, String indicatorName) {
        for (Cell c : sheet.getRow(4)) {
            if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(indicatorName)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no header " + indicatorName);
    }

    private static Row row(Sheet sheet, String firstCell) {
        for (Row r : sheet) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(firstCell)) {
                return r;
            }
        }
        throw new AssertionError("no row " + firstCell);
    }

    @Test
    void withNoMailServerAReminderIsRecordedAsNotSentSayingWhy() {
        String admin = token("province-admin");
        ok(http.put("/api/v1/reports/contacts/" + unit("24175"), admin, World.map("person", "Y Bhim Êban",
                "email", "ubnd@hoaphu.daklak.gov.vn")));
        String period = "2024Q2";
        ok(http.post(report("66", period) + "/reminders", admin, null));
        JsonNode log = ok(http.get(report("66", period) + "/reminders", admin)).json();
        JsonNode hoaPhu = log.valueStream().filter(r -> r.get("unitCode").asText().equals("24175")).findFirst().orElseThrow();
        assertThat(hoaPhu.get("deliveries").get(0).get("channel").asText()).isEqualTo("EMAIL");
        assertThat(hoaPhu.get("deliveries").get(0).get("outcome").asText()).isEqualTo("NOT_SENT");
        assertThat(hoaPhu.get("deliveries").get(0).get("reason").asText()).isEqualTo("no mail server configured");
    }
}

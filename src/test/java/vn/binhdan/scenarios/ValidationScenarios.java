package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * Validation rules as data: a figure above its total or a share above 100 % is kept in the draft
 * and shown, but holds the submission back; a warning (a population far from the registry's, a
 * cumulative figure below the last period's) needs the unit's explanation, which the approver
 * reads; the province runs the rules over all its reports and downloads the result; it writes
 * its own rules, and bad ones are refused. Periods 2023Q1–Q4 are this class's own.
 */
public abstract class ValidationScenarios extends EndToEnd {

    static final String FORM = ReportingScenarios.FORM;
    static final String VNEID = "Tỷ lệ người dân trưởng thành được xác nhận hoàn thành trên VNeID";

    String report(String unitCode, String period) {
        return "/api/v1/reports/" + FORM + "/" + unit(unitCode) + "/" + period;
    }

    static Map<String, Object> draft(List<Map<String, Object>> figures) {
        return World.map("figures", figures, "texts", Map.of("RESULTS", "Kết quả quý."));
    }

    static Map<String, Object> draft(List<Map<String, Object>> figures, Map<String, String> explanations) {
        return World.map("figures", figures, "texts", Map.of("RESULTS", "Kết quả quý."), "explanations", explanations);
    }

    static Map<String, Object> entry(String indicator, String group, long numerator, Long denominator) {
        return ReportingScenarios.entry(indicator, group, numerator, denominator);
    }

    static JsonNode violation(JsonNode violations, String rule, String indicator) {
        for (JsonNode v : violations) {
            if (v.get("rule").asText().equals(rule) && v.get("indicatorCode").asText().equals(indicator)) {
                return v;
            }
        }
        throw new AssertionError("no " + rule + " on " + indicator + " in " + violations);
    }

    private static Http.Response ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    private static JsonNode refused(Http.Response r, int status, String... inBody) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        if (inBody.length > 0) {
            assertThat(r.body()).contains(inBody);
        }
        return r.json();
    }

    @Test
    void fiveThousandOfThreeHundredSeventyAdultsIsKeptAsADraftButCannotBeSubmitted() {
        String officer = token("commune-officer");
        String admin = token("province-admin");
        String path = report("24133", "2023Q1");

        // typed late in the evening, wrong: the draft keeps every figure, the errors are shown beside them
        JsonNode saved = ok(http.put(path, officer, draft(List.of(
                entry("VNEID_CONFIRMED_SHARE", "ADULT", 5000L, 370L),
                entry("MOOC_SELF_STUDY_SHARE", "CIVIL_SERVANT", 12L, 8L))))).json();
        assertThat(saved.get("status").asText()).isEqualTo("DRAFT");
        assertThat(ReportingScenarios.figure(saved, "VNEID_CONFIRMED_SHARE", "ADULT").get("numerator").asLong()).isEqualTo(5000);
        JsonNode above = violation(saved.get("violations"), "NUMERATOR_NOT_ABOVE_DENOMINATOR", "VNEID_CONFIRMED_SHARE");
        assertThat(above.get("importance").asText()).isEqualTo("ERROR");
        assertThat(above.get("field").asText()).isEqualTo("n-VNEID_CONFIRMED_SHARE-ADULT");
        assertThat(above.get("message").asText()).isEqualTo("«" + VNEID + "» — Người dân trưởng thành: số đạt 5.000 lớn "
                + "hơn tổng số 370; tỷ lệ không thể vượt quá 100%.");
        assertThat(violation(saved.get("violations"), "NUMERATOR_NOT_ABOVE_DENOMINATOR", "MOOC_SELF_STUDY_SHARE")
                .get("message").asText()).contains("Cán bộ, công chức, viên chức: số đạt 12 lớn hơn tổng số 8");

        // submitting: every violation listed by field, in Vietnamese; the report stays a draft
        JsonNode problem = refused(http.post(path + "/submit", officer, null), 422);
        assertThat(problem.get("detail").asText()).contains(VNEID, "5.000", "370");
        List<String> fields = problem.get("errors").valueStream().map(e -> e.get("field").asText()).toList();
        assertThat(fields).contains("n-VNEID_CONFIRMED_SHARE-ADULT", "n-MOOC_SELF_STUDY_SHARE-CIVIL_SERVANT",
                "x-POPULATION_NEAR_REGISTRY/VNEID_CONFIRMED_SHARE/ADULT");
        assertThat(problem.get("errors").toString()).contains("số đạt 12 lớn hơn tổng số 8", "Cần giải trình trước khi gửi");
        assertThat(ok(http.get(path, officer)).json().get("status").asText()).isEqualTo("DRAFT");
        // explaining a warning does not excuse an error
        String key = "POPULATION_NEAR_REGISTRY/VNEID_CONFIRMED_SHARE/ADULT";
        refused(http.post(path + "/submit", officer, World.map("explanations", Map.of(key, "Theo số liệu Công an phường."))),
                422, "5.000");

        // a negative count and an over-long explanation are refused outright, with the reason
        refused(http.put(path, officer, draft(List.of(entry("VNEID_CONFIRMED_SHARE", "ADULT", -5L, 370L)))), 400, "số âm");
        refused(http.put(path, officer, draft(List.of(entry("VNEID_CONFIRMED_SHARE", "ADULT", 200L, 370L)),
                Map.of(key, "x".repeat(2001)))), 400, "dài quá 2.000 ký tự");

        // corrected: only the warning is left, which needs the officer's explanation
        JsonNode corrected = ok(http.put(path, officer, draft(List.of(
                entry("VNEID_CONFIRMED_SHARE", "ADULT", 200L, 370L),
                entry("MOOC_SELF_STUDY_SHARE", "CIVIL_SERVANT", 6L, 8L))))).json();
        assertThat(corrected.get("violations").valueStream().map(v -> v.get("importance").asText()))
                .containsOnly("WARNING");
        JsonNode population = violation(corrected.get("violations"), "POPULATION_NEAR_REGISTRY", "VNEID_CONFIRMED_SHARE");
        assertThat(population.get("field").asText()).isEqualTo("d-VNEID_CONFIRMED_SHARE-ADULT");
        assertThat(population.get("message").asText()).contains("tổng số khai báo 370", "chênh quá 20%");
        JsonNode missing = refused(http.post(path + "/submit", officer, null), 422, "Cần giải trình trước khi gửi");
        assertThat(missing.get("errors").valueStream().map(e -> e.get("field").asText()).toList())
                .allMatch(f -> f.startsWith("x-"));

        Map<String, String> explanations = new java.util.LinkedHashMap<>();
        corrected.get("violations").forEach(v -> explanations.put(v.get("key").asText(),
                "Số dân theo thống kê của Công an phường năm 2023; dữ liệu dân cư trên nền tảng chưa đủ."));
        JsonNode submitted = ok(http.post(path + "/submit", officer, World.map("explanations", explanations))).json();
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");

        // the approver reads each warning with the unit's explanation
        JsonNode seen = ok(http.get(path, admin)).json();
        assertThat(violation(seen.get("violations"), "POPULATION_NEAR_REGISTRY", "VNEID_CONFIRMED_SHARE")
                .get("explanation").asText()).startsWith("Số dân theo thống kê của Công an phường");
        Http province = new Http(port, true);
        province.formLogin("province-admin", World.PASSWORD);
        assertThat(province.getHtml("/reports/" + FORM + "/" + unit("24133") + "/2023Q1").body())
                .contains("Giải trình của đơn vị", "Số dân theo thống kê của Công an phường", "Phê duyệt");
        ok(http.post(path + "/approve", admin, null));
    }

    @Test
    void theProvinceRunsTheChecksOverEveryReportOfThePeriodAndDownloadsThem() throws Exception {
        String officer = token("commune-officer");
        String other = token("other-officer");
        String admin = token("province-admin");
        // the ward's last quarter, approved; this quarter's draft falls below it and is far above its total
        String q2 = report("24133", "2023Q2");
        ok(http.put(q2, officer, draft(List.of(entry("DIGITAL_SIGNATURE_SHARE", "ADULT", 100L, 400L)))));
        ok(http.post(q2 + "/submit", officer, World.map("explanations", Map.of(
                "POPULATION_NEAR_REGISTRY/DIGITAL_SIGNATURE_SHARE/ADULT", "Theo thống kê của phường."))));
        ok(http.post(q2 + "/approve", admin, null));

        String q3 = report("24133", "2023Q3");
        JsonNode lower = ok(http.put(q3, officer, draft(List.of(
                entry("DIGITAL_SIGNATURE_SHARE", "ADULT", 80L, 400L),
                entry("VNEID_CONFIRMED_SHARE", "ADULT", 5000L, 370L))))).json();
        JsonNode below = violation(lower.get("violations"), "CUMULATIVE_NOT_BELOW_PREVIOUS", "DIGITAL_SIGNATURE_SHARE");
        assertThat(below.get("importance").asText()).isEqualTo("WARNING");
        assertThat(below.get("message").asText()).contains("số đạt 80 thấp hơn kỳ trước (100)");
        // Hòa Phú submits with its warning explained
        String hoaPhu = report("24175", "2023Q3");
        ok(http.put(hoaPhu, other, draft(List.of(entry("VNEID_CONFIRMED_SHARE", "ADULT", 10L, 20L)),
                Map.of("POPULATION_NEAR_REGISTRY/VNEID_CONFIRMED_SHARE/ADULT", "Số liệu của Công an xã."))));
        ok(http.post(hoaPhu + "/submit", other, null));

        // only the level above runs it
        refused(http.get(report("66", "2023Q3") + "/validation", officer), 403, "ngoài phạm vi");
        refused(http.get(report("66", "2023Q3") + "/validation", token("lamdong-admin")), 403);

        JsonNode run = ok(http.get(report("66", "2023Q3") + "/validation", admin)).json();
        assertThat(run.get("reportsChecked").asInt()).isEqualTo(2);
        assertThat(run.get("units").valueStream().map(u -> u.get("unitCode").asText()).toList())
                .containsExactly("24133", "24175");
        JsonNode ward = run.get("units").get(0);
        assertThat(ward.get("status").asText()).isEqualTo("DRAFT");
        assertThat(ward.get("violations").toString()).contains("số đạt 5.000 lớn hơn tổng số 370", "thấp hơn kỳ trước");
        JsonNode hp = run.get("units").get(1);
        assertThat(hp.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(violation(hp.get("violations"), "POPULATION_NEAR_REGISTRY", "VNEID_CONFIRMED_SHARE")
                .get("explanation").asText()).isEqualTo("Số liệu của Công an xã.");
        assertThat(run.get("errors").asInt()).isPositive();

        Http.Response xlsx = http.get(report("66", "2023Q3") + "/validation.xlsx", admin);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Disposition")).contains("kiem-tra-" + FORM + "-66-2023Q3.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("Đơn vị");
            List<String> lines = new java.util.ArrayList<>();
            for (Row r : sheet) {
                if (r.getRowNum() > 3) {
                    lines.add(r.getCell(0).getStringCellValue() + " | " + r.getCell(3).getStringCellValue() + " | "
                            + r.getCell(6).getStringCellValue() + " | " + r.getCell(7).getStringCellValue());
                }
            }
            assertThat(lines).anyMatch(l -> l.startsWith("24133 | Lỗi |") && l.contains("5.000"))
                    .anyMatch(l -> l.startsWith("24175 | Cảnh báo |") && l.endsWith("Số liệu của Công an xã."));
        }

        // the same from the pages: the province's report and its completeness lead to it
        Http browser = new Http(port, true);
        browser.formLogin("province-admin", World.PASSWORD);
        String base = "/reports/" + FORM + "/" + unit("66") + "/2023Q3";
        assertThat(browser.getHtml(base).body()).contains("href=\"" + base + "/validation\"");
        assertThat(browser.getHtml(base + "/completeness").body()).contains("href=\"" + base + "/validation\"");
        String page = browser.getHtml(base + "/validation").body();
        assertThat(page).contains("Kiểm tra số liệu toàn địa bàn", "Phường Buôn Ma Thuột", "Xã Hòa Phú",
                "số đạt 5.000 lớn hơn tổng số 370", "Số liệu của Công an xã.", "validation.xlsx");
        assertThat(browser.getHtml(base + "/validation.xlsx").bytes()).startsWith('P', 'K');
        Http ward2 = new Http(port, true);
        ward2.formLogin("commune-officer", World.PASSWORD);
        assertThat(ward2.getHtml(base + "/validation").status()).isEqualTo(403);
    }

    @Test
    void theProvinceWritesItsOwnRulesAndBadOnesAreRefused() {
        String admin = token("province-admin");
        String officer = token("commune-officer");
        String rules = "/api/v1/reports/validation-rules";

        JsonNode shipped = ok(http.get(rules, officer)).json();
        assertThat(shipped.valueStream().map(r -> r.get("code").asText()).toList()).contains(
                "NUMERATOR_NOT_ABOVE_DENOMINATOR", "NUMERATOR_NOT_NEGATIVE", "CUMULATIVE_NOT_BELOW_PREVIOUS",
                "POPULATION_NEAR_REGISTRY");

        Map<String, Object> rule = World.map("code", "DL_SIGNATURE_ADULT_CAP", "indicatorCode", "DIGITAL_SIGNATURE_SHARE",
                "group", "ADULT", "leftSide", "numerator", "operator", "<", "rightSide", "denominator",
                "importance", "WARNING",
                "messageVi", "«{indicator}» — {group}: {left} trên {right}, tất cả người dân đều dùng chữ ký số là khó tin.",
                "messageEn", "“{indicator}” — {group}: {left} of {right}, everyone using a signature is hard to believe.");
        refused(http.post(rules, officer, rule), 403, "quản trị cấp tỉnh");
        refused(http.post(rules, admin, with(rule, "indicatorCode", "KHONG_CO")), 400, "indicatorCode",
                "Chỉ tiêu «KHONG_CO» không có trong danh mục");
        refused(http.post(rules, admin, with(rule, "operator", "=<>")), 400, "operator", "Phép so sánh không hợp lệ");
        refused(http.post(rules, admin, with(rule, "leftSide", "numerator +")), 400, "leftSide", "không hợp lệ");
        refused(http.post(rules, admin, with(rule, "rightSide", "VNEID_CONFIRMED_SHARE.WORKER.numerator")), 400,
                "không thuộc chỉ tiêu");
        refused(http.post(rules, admin, with(rule, "importance", "FATAL")), 400, "ERROR");
        refused(http.post(rules, admin, with(rule, "code", "bad code")), 400, "Mã quy tắc");

        JsonNode created = ok(http.post(rules, admin, rule)).json();
        assertThat(created.get("active").asBoolean()).isTrue();
        assertThat(created.get("unitId").asLong()).isEqualTo(unit("66"));
        refused(http.post(rules, admin, rule), 409, "DL_SIGNATURE_ADULT_CAP");
        String path = report("24133", "2023Q4");
        JsonNode draft = ok(http.put(path, officer, draft(List.of(entry("DIGITAL_SIGNATURE_SHARE", "ADULT", 2L, 2L))))).json();
        assertThat(draft.get("violations").toString()).contains("DL_SIGNATURE_ADULT_CAP", "2 trên 2, tất cả người dân");
        // another province's reports are not its business
        refused(http.put(rules + "/DL_SIGNATURE_ADULT_CAP", token("lamdong-admin"), rule), 403);
        // a shipped rule is every province's: not one province's to loosen
        refused(http.post(rules + "/POPULATION_NEAR_REGISTRY/deactivate", admin, null), 403, "quản trị hệ thống");

        JsonNode changed = ok(http.put(rules + "/DL_SIGNATURE_ADULT_CAP", admin, with(rule, "rightSide", "denominator + 1")))
                .json();
        assertThat(changed.get("rightSide").asText()).isEqualTo("denominator + 1");
        assertThat(ok(http.get(path, officer)).json().get("violations").toString()).doesNotContain("DL_SIGNATURE_ADULT_CAP");
        ok(http.put(rules + "/DL_SIGNATURE_ADULT_CAP", admin, rule));
        refused(http.put(rules + "/DL_SIGNATURE_ADULT_CAP", admin, with(rule, "operator", "~")), 400, "Phép so sánh");
        JsonNode off = ok(http.post(rules + "/DL_SIGNATURE_ADULT_CAP/deactivate", admin, null)).json();
        assertThat(off.get("active").asBoolean()).isFalse();
        assertThat(ok(http.get(path, officer)).json().get("violations").toString()).doesNotContain("DL_SIGNATURE_ADULT_CAP");
        refused(http.post(rules + "/KHONG_CO/deactivate", admin, null), 404, "KHONG_CO");

        // a rule the platform's own figures break is shown, but cannot hold back a unit that cannot change them
        ok(http.post(rules, admin, World.map("code", "DL_CERTIFIED_PROBE", "indicatorCode", "CERTIFIED_SHARE",
                "group", "ADULT", "leftSide", "numerator", "operator", "<", "rightSide", "0", "importance", "ERROR",
                "messageVi", "«{indicator}» — {group}: {left} (kiểm tra thử).")));
        JsonNode probed = ok(http.get(path, officer)).json();
        assertThat(violation(probed.get("violations"), "DL_CERTIFIED_PROBE", "CERTIFIED_SHARE").get("importance").asText())
                .isEqualTo("ERROR");
        Map<String, String> explained = new java.util.LinkedHashMap<>();
        probed.get("violations").forEach(v -> explained.put(v.get("key").asText(), "Đã rà soát với phường."));
        assertThat(ok(http.post(path + "/submit", officer, World.map("explanations", explained))).json()
                .get("status").asText()).isEqualTo("SUBMITTED");
        ok(http.post(rules + "/DL_CERTIFIED_PROBE/deactivate", admin, null));

        // the same in the browser: the list, a refused rule with the reason by its field, a rule added and switched off
        Http browser = new Http(port, true);
        browser.formLogin("province-admin", World.PASSWORD);
        String page = browser.getHtml("/reports/rules").body();
        assertThat(page).contains("Quy tắc kiểm tra số liệu", "NUMERATOR_NOT_ABOVE_DENOMINATOR", "DL_SIGNATURE_ADULT_CAP",
                "Đã tắt", "numerator &lt;= denominator", "Thêm quy tắc cho các báo cáo của tỉnh");
        String csrf = Http.csrf(page);
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("_csrf", csrf, "code", "DL_MOOC_FLOOR",
                "indicatorCode", "MOOC_KHONG_CO", "group", "CIVIL_SERVANT", "leftSide", "numerator", "operator", ">=",
                "rightSide", "0", "importance", "WARNING", "messageVi", "«{indicator}»: {left} người tự học."));
        Http.Response bad = browser.postForm("/reports/rules", form);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("href=\"#indicatorCode\"", "Chỉ tiêu «MOOC_KHONG_CO» không có trong danh mục",
                "value=\"DL_MOOC_FLOOR\"", "aria-invalid=\"true\"");
        form.put("indicatorCode", "MOOC_SELF_STUDY_SHARE");
        assertThat(browser.postForm("/reports/rules", form).body()).contains("Đã thêm quy tắc DL_MOOC_FLOOR.");
        assertThat(browser.postForm("/reports/rules/DL_MOOC_FLOOR/deactivate", Map.of("_csrf", csrf)).body())
                .contains("Đã tắt quy tắc DL_MOOC_FLOOR.");
        Http ward = new Http(port, true);
        ward.formLogin("commune-officer", World.PASSWORD);
        assertThat(ward.getHtml("/reports/rules").body()).contains("NUMERATOR_NOT_ABOVE_DENOMINATOR")
                .doesNotContain("Thêm quy tắc cho các báo cáo của tỉnh", "Tắt quy tắc");
    }

    private static Map<String, Object> with(Map<String, Object> rule, String key, Object value) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(rule);
        m.put(key, value);
        return m;
    }
}

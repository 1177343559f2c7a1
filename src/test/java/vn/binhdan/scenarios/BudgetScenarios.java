package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * A plan's budget through the API: the province and a ward add funding lines, the ward records
 * two quarters of spending, sees estimate, allocated and spent, and is warned past the allocation.
 */
public abstract class BudgetScenarios extends EndToEnd {

    @Test
    void aWardRecordsTwoQuartersOfSpendingAndIsWarnedPastItsAllocation() {
        String admin = token("province-admin");
        String officer = token("commune-officer");
        long plan = PlanFixtures.provincePlan(http, admin, unit("66"), "Kế hoạch có kinh phí");
        long task = jdbc.sql("SELECT id FROM plan_task WHERE plan_id = ? ORDER BY position LIMIT 1").param(plan)
                .query(Long.class).single();
        String lines = "/api/v1/plans/" + plan + "/budget-lines";
        Http.Response provincial = http.post(lines, admin, World.map("taskId", task, "unitId", unit("66"),
                "source", "PROVINCIAL", "title", "Tập huấn tổ công nghệ số", "estimate", 500_000_000, "allocated", 400_000_000));
        assertThat(provincial.status()).as(provincial.body()).isEqualTo(201);
        Http.Response ward = http.post(lines, admin, World.map("unitId", unit("24133"), "source", "COMMUNE",
                "title", "Lớp học Bình dân học vụ số", "estimate", 30_000_000, "allocated", 20_000_000, "currency", "VND"));
        assertThat(ward.status()).as(ward.body()).isEqualTo(201);
        long line = ward.json().get("id").asLong();
        int year = LocalDate.now().getYear();

        String spend = "/api/v1/budget-lines/" + line + "/spending";
        JsonNode q1 = http.post(spend, officer, World.map("year", year, "quarter", 1, "amount", 12_000_000,
                "documentRef", "Chứng từ 01/2026")).json();
        assertThat(q1.get("spent").asLong()).isEqualTo(12_000_000);
        assertThat(q1.hasNonNull("warning")).isFalse();
        JsonNode q2 = http.post(spend, officer, World.map("year", year, "quarter", 2, "amount", 9_500_000,
                "documentRef", "Chứng từ 07/2026")).json();
        assertThat(q2.get("spent").asLong()).isEqualTo(21_500_000);
        assertThat(q2.get("warning").asText()).contains("vượt số được giao", "1.500.000");
        assertThat(q2.get("spending").size()).isEqualTo(2);

        // the ward sees its own line; the province sees both with the totals
        JsonNode wardBudget = http.get("/api/v1/plans/" + plan + "/budget", officer).json();
        assertThat(wardBudget.get("lines").size()).isEqualTo(1);
        assertThat(wardBudget.get("spent").asLong()).isEqualTo(21_500_000);
        JsonNode all = http.get("/api/v1/plans/" + plan + "/budget", admin).json();
        assertThat(all.get("lines").size()).isEqualTo(2);
        assertThat(all.get("estimate").asLong()).isEqualTo(530_000_000);
        assertThat(all.get("allocated").asLong()).isEqualTo(420_000_000);

        // bad input: a negative amount, another currency, a line for a unit outside one's area
        Http.Response negative = http.post(spend, officer, World.map("year", year, "quarter", 3, "amount", -1_000_000,
                "documentRef", "x"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("detail").asText()).contains("amount", "âm");
        Http.Response dollars = http.post(spend, officer, World.map("year", year, "quarter", 3, "amount", 100,
                "documentRef", "x", "currency", "USD"));
        assertThat(dollars.status()).isEqualTo(400);
        assertThat(dollars.json().get("detail").asText()).contains("VND", "USD");
        assertThat(http.post(lines, officer, World.map("unitId", unit("24175"), "source", "COMMUNE", "title", "x",
                "estimate", 1)).status()).isEqualTo(404);
        assertThat(http.post(lines, admin, World.map("unitId", unit("24133"), "source", "COMMUNE", "title", "x",
                "estimate", -5)).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/plans/" + plan + "/budget", officer).json().get("spent").asLong())
                .isEqualTo(21_500_000);
    }

    /**
     * Works in 2020, a year no other scenario reports or plans in, so the province's budget table
     * for 2020 holds this plan's lines alone.
     */
    @Test
    void theConsolidatedReportCarriesTheBudgetAndAnApprovedQuartersSpendingIsCorrectedNeverEdited() throws Exception {
        String admin = token("province-admin");
        String officer = token("commune-officer");
        int year = 2020;
        Http.Response created = http.post("/api/v1/plans", admin, World.map("title", "Kế hoạch năm 2020 có kinh phí",
                "issuerUnitId", unit("66"), "fromYear", year, "toYear", year));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long plan = created.json().get("id").asLong();
        String lines = "/api/v1/plans/" + plan + "/budget-lines";
        long provincial = created(http.post(lines, admin, World.map("unitId", unit("66"), "source", "PROVINCIAL",
                "title", "Thi trực tuyến cấp tỉnh 2020", "estimate", 200_000_000, "allocated", 150_000_000)));
        long ward = created(http.post(lines, admin, World.map("unitId", unit("24133"), "source", "COMMUNE",
                "title", "Lớp học phường năm 2020", "estimate", 40_000_000, "allocated", 30_000_000)));
        created(http.post(lines, admin, World.map("unitId", unit("66"), "source", "SPONSORSHIP",
                "title", "Doanh nghiệp viễn thông tài trợ gói dữ liệu 2020", "estimate", 100_000_000, "allocated", 100_000_000)));

        String spend = "/api/v1/budget-lines/" + ward + "/spending";
        JsonNode q3 = http.post(spend, officer, World.map("year", year, "quarter", 3, "amount", 12_000_000,
                "documentRef", "Phiếu chi 01/2020")).json();
        long q3Entry = q3.get("spending").get(0).get("id").asLong();
        JsonNode q4 = http.post(spend, officer, World.map("year", year, "quarter", 4, "amount", 25_000_000,
                "documentRef", "Phiếu chi 02/2020")).json();
        long q4Entry = q4.get("spending").get(1).get("id").asLong();
        assertThat(q4.get("warning").asText()).contains("vượt số được giao", "7.000.000");
        assertThat(http.post("/api/v1/budget-lines/" + provincial + "/spending", admin, World.map("year", year,
                "quarter", 3, "amount", 50_000_000, "documentRef", "Chứng từ 09/KBNN")).status()).isEqualTo(200);

        // before the ward's third-quarter report is approved, a typo is put right in place
        Http.Response typo = http.put("/api/v1/budget-spending/" + q3Entry, officer, World.map("amount", 12_500_000));
        assertThat(typo.status()).as(typo.body()).isEqualTo(200);
        assertThat(typo.json().get("spent").asLong()).isEqualTo(37_500_000);

        String report = "/api/v1/reports/" + ReportingScenarios.FORM + "/" + unit("24133") + "/" + year + "Q3";
        Http.Response draft = http.put(report, officer, World.map("figures", java.util.List.of(), "texts",
                java.util.Map.of("RESULTS", "Quý 3/2020: lớp học của phường.")));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        Http.Response submitted = ReportingScenarios.submitExplained(http, report, officer);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        Http.Response approved = http.post(report + "/approve", admin, null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        // approved: the quarter's entry is not edited, and nothing more goes into that quarter
        Http.Response edit = http.put("/api/v1/budget-spending/" + q3Entry, officer, World.map("amount", 10_000_000));
        assertThat(edit.status()).as(edit.body()).isEqualTo(409);
        assertThat(edit.json().get("detail").asText()).contains("quý 3/2020", "được phê duyệt", "điều chỉnh mới");
        Http.Response late = http.post(spend, officer, World.map("year", year, "quarter", 3, "amount", 1_000_000,
                "documentRef", "Phiếu chi 03/2020"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).contains("quý 3/2020", "đã được phê duyệt");
        // a correction is a new entry in an open quarter naming the one it corrects; it may take money back
        Http.Response tooMuch = http.post(spend, officer, World.map("year", year, "quarter", 4, "amount", -20_000_000,
                "documentRef", "Điều chỉnh phiếu chi 01/2020", "correctsId", q3Entry));
        assertThat(tooMuch.status()).isEqualTo(400);
        Http.Response correction = http.post(spend, officer, World.map("year", year, "quarter", 4, "amount", -2_500_000,
                "documentRef", "Điều chỉnh phiếu chi 01/2020", "correctsId", q3Entry));
        assertThat(correction.status()).as(correction.body()).isEqualTo(200);
        JsonNode after = correction.json();
        assertThat(after.get("spent").asLong()).isEqualTo(35_000_000);
        assertThat(after.get("spending").get(0).get("amount").asLong()).as("the approved entry as it was").isEqualTo(12_500_000);
        assertThat(after.get("spending").get(0).get("locked").asBoolean()).isTrue();
        assertThat(after.get("spending").get(2).get("correctsId").asLong()).isEqualTo(q3Entry);
        // the fourth quarter is still open
        assertThat(http.put("/api/v1/budget-spending/" + q4Entry, officer, World.map("amount", 24_000_000)).json()
                .get("spent").asLong()).isEqualTo(34_000_000);

        // the province's consolidated report: the budget table by source, spent to the quarter's end
        String consolidated = "/api/v1/reports/" + ReportingScenarios.FORM + "/" + unit("66") + "/" + year;
        JsonNode third = http.get(consolidated + "Q3/consolidated", admin).json().get("budget");
        assertThat(third.get("spent").asLong()).isEqualTo(62_500_000);
        JsonNode fourth = http.get(consolidated + "Q4/consolidated", admin).json().get("budget");
        assertThat(fourth.get("estimate").asLong()).isEqualTo(340_000_000);
        assertThat(fourth.get("allocated").asLong()).isEqualTo(280_000_000);
        assertThat(fourth.get("spent").asLong()).isEqualTo(84_000_000);
        assertThat(fourth.get("sources").valueStream().map(r -> r.get("source").asText() + "=" + r.get("spent").asLong())
                .toList()).containsExactly("PROVINCIAL=50000000", "COMMUNE=34000000", "SPONSORSHIP=0");

        Http.Response xlsx = http.get(consolidated + "Q4/consolidated.xlsx", admin);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.bytes()))) {
            var sheet = wb.getSheet("Kinh phí");
            assertThat(sheet).as("a budget sheet in the workbook").isNotNull();
            var commune = findRow(sheet, "Ngân sách xã");
            assertThat(commune.getCell(2).getNumericCellValue()).isEqualTo(40_000_000d);
            assertThat(commune.getCell(3).getNumericCellValue()).isEqualTo(30_000_000d);
            assertThat(commune.getCell(4).getNumericCellValue()).isEqualTo(34_000_000d);
            assertThat(findRow(sheet, "Tổng cộng").getCell(4).getNumericCellValue()).isEqualTo(84_000_000d);
        }
        Http.Response docx = http.get(consolidated + "Q4/consolidated.docx", admin);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx.bytes()));
             var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("KINH PHÍ THỰC HIỆN", "Bảng 3. Kinh phí theo nguồn", "Ngân sách tỉnh",
                    "Tài trợ, xã hội hóa", "340.000.000", "84.000.000",
                    "“Lớp học phường năm 2020” (Phường Buôn Ma Thuột) đã chi vượt số được giao 4.000.000 đồng");
        }
        Http page = new Http(port, true);
        page.formLogin("province-admin", World.PASSWORD);
        assertThat(page.getHtml("/reports/" + ReportingScenarios.FORM + "/" + unit("66") + "/" + year
                + "Q4/consolidated").body()).contains("Kinh phí thực hiện", "Ngân sách xã", "340.000.000", "84.000.000");

        // the ward's budget page: its line with what it spent, the approved quarter locked
        Http wardPage = new Http(port, true);
        wardPage.formLogin("commune-officer", World.PASSWORD);
        String html = wardPage.getHtml("/plans/" + plan + "/budget").body();
        assertThat(html).contains("Lớp học phường năm 2020", "34.000.000", "Đã khóa", "vượt số được giao")
                .doesNotContain("Thi trực tuyến cấp tỉnh 2020");
        String csrf = Http.csrf(html);
        Http.Response refused = wardPage.postForm("/plans/" + plan + "/budget/lines/" + ward + "/spending",
                java.util.Map.of("_csrf", csrf, "year", Integer.toString(year), "quarter", "3", "amount", "100",
                        "documentRef", "x"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("không ghi thêm khoản chi vào quý này");
    }

    private static long created(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static org.apache.poi.ss.usermodel.Row findRow(org.apache.poi.ss.usermodel.Sheet sheet, String first) {
        for (var row : sheet) {
            var cell = row.getCell(0);
            if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && cell.getStringCellValue().equals(first)) {
                return row;
            }
        }
        throw new AssertionError("no row " + first);
    }
}

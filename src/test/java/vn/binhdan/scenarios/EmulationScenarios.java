package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * Emulation and rewards through the API: communes record their year-end review and the province
 * sees who held theirs; a commendation campaign's proposals go up, are appraised and decided.
 */
public abstract class EmulationScenarios extends EndToEnd {

    @org.springframework.beans.factory.annotation.Autowired
    vn.binhdan.monitoring.Rollups rollups;

    static final int YEAR = LocalDate.now().getYear() - 1;

    private String review(long unit, int year) {
        return "/api/v1/units/" + unit + "/year-end-reviews/" + year;
    }

    @Test
    void aCommuneRecordsItsYearEndReviewOnceAndTheProvinceSeesWhoHeldTheirs() {
        String officer = token("commune-officer");
        String admin = token("province-admin");
        long ward = unit("24133");
        long other = unit("24175");

        Http.Response first = http.put(review(ward, YEAR), officer, World.map("heldOn", YEAR + "-12-05",
                "chair", "Chủ tịch UBND phường", "attendance", 80, "minutesRef", "01/BB-UBND",
                "results", "Hoàn thành 9/10 chỉ tiêu", "proposals", "Đề nghị tặng Giấy khen"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        // sent again, corrected: still one review, now with the corrected figure
        Http.Response again = http.put(review(ward, YEAR), officer, World.map("heldOn", YEAR + "-12-05",
                "chair", "Chủ tịch UBND phường", "attendance", 85, "minutesRef", "01/BB-UBND"));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(http.get(review(ward, YEAR), admin).json().get("attendance").asInt()).isEqualTo(85);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM year_end_review WHERE unit_id = ? AND review_year = ?")
                .params(ward, YEAR).query(Long.class).single()).isEqualTo(1);

        JsonNode overview = http.get("/api/v1/year-end-reviews?unitId=" + unit("66") + "&year=" + YEAR, admin).json();
        assertThat(overview.get("reportBy").asText()).isEqualTo(YEAR + "-12-10");
        assertThat(line(overview, "Phường Buôn Ma Thuột").get("held").asBoolean()).isTrue();
        assertThat(line(overview, "Xã Hòa Phú").get("held").asBoolean()).isFalse();
        // the past year's deadline has gone by: a commune without its review is late
        assertThat(line(overview, "Xã Hòa Phú").get("late").asBoolean()).isTrue();
        assertThat(overview.get("communes").asInt()).isEqualTo(overview.get("lines").size());

        // the ward's officer sees the ward only
        assertThat(http.get("/api/v1/year-end-reviews?unitId=" + unit("66") + "&year=" + YEAR, officer).status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/year-end-reviews?unitId=" + ward + "&year=" + YEAR, officer).json().get("lines")
                .size()).isEqualTo(1);
        assertThat(http.put(review(other, YEAR), officer, World.map("heldOn", YEAR + "-12-05", "chair", "X",
                "attendance", 10)).status()).isEqualTo(404);

        // the page shows the same
        Http page = new Http(port, true);
        page.formLogin("province-admin", World.PASSWORD);
        assertThat(page.getHtml("/emulation/reviews?unit=" + unit("66") + "&year=" + YEAR).body())
                .contains("Xã Hòa Phú", "Chưa tổ chức", "Đã tổ chức", "10/12/" + YEAR);

        // and so does the steering dashboard: a compliance figure of communes that held their review
        rollups.drain();
        JsonNode compliance = http.get("/api/v1/dashboard/" + unit("66") + "/compliance/REVIEW_COMMUNES?year=" + YEAR,
                admin).json();
        java.util.List<String> failing = new java.util.ArrayList<>();
        compliance.get("failing").forEach(f -> failing.add(f.get("unit").get("code").asText()));
        assertThat(failing).contains("24175").doesNotContain("24133");
        // a corrected date moves the count to its month, still once
        assertThat(http.put(review(ward, YEAR), officer, World.map("heldOn", YEAR + "-11-20", "chair", "Chủ tịch UBND phường",
                "attendance", 85)).status()).isEqualTo(200);
        rollups.drain();
        assertThat(jdbc.sql("""
                SELECT month_start, amount FROM mon_monthly WHERE metric = 'YEAR_END_REVIEWS' AND unit_id = ?
                  AND target_group = 'ALL' AND amount <> 0""").param(ward)
                .query((rs, n) -> rs.getDate(1).toLocalDate() + "=" + rs.getLong(2)).list())
                .containsExactly(YEAR + "-11-01=1");
    }

    @Test
    void aReviewWithoutItsFactsIsRefusedNamingTheField() {
        String officer = token("commune-officer");
        long ward = unit("24133");
        Http.Response noChair = http.put(review(ward, YEAR), officer, World.map("heldOn", YEAR + "-12-05",
                "attendance", 10));
        assertThat(noChair.status()).isEqualTo(400);
        assertThat(noChair.json().get("detail").asText()).contains("chair");
        Http.Response future = http.put(review(ward, LocalDate.now().getYear()), officer, World.map("heldOn",
                LocalDate.now().plusDays(3).toString(), "chair", "X", "attendance", 10));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("detail").asText()).contains("heldOn");
        Http.Response village = http.put(review(unit("24133.01"), YEAR), officer, World.map("heldOn", YEAR + "-12-05",
                "chair", "X", "attendance", 10));
        assertThat(village.status()).isEqualTo(400);
    }

    @Test
    void aCommuneProposesTwoPeopleAndItselfAndTheProvinceAppraisesAndDecides() throws Exception {
        String officer = token("commune-officer");
        String admin = token("province-admin");
        long ward = unit("24133");
        long an = person("Nguyễn Văn An");
        long cuong = person("Lê Văn Cường");
        JsonNode campaign = http.post("/api/v1/reward-campaigns", admin, World.map("unitId", unit("66"),
                "title", "Tổng kết năm " + YEAR + " — khen thưởng", "year", YEAR)).json();
        long c = campaign.get("id").asLong();
        assertThat(http.post("/api/v1/reward-campaigns", officer, World.map("unitId", ward, "title", "Không được"))
                .status()).isEqualTo(403);
        String proposals = "/api/v1/reward-campaigns/" + c + "/proposals";

        long pAn = created(http.post(proposals, officer, World.map("proposerUnitId", ward, "personId", an,
                "rewardForm", "PROVINCE_CERTIFICATE_OF_MERIT", "reason", "Hướng dẫn 300 người dân dùng VNeID")));
        long pCuong = created(http.post(proposals, officer, World.map("proposerUnitId", ward, "personId", cuong,
                "rewardForm", "DEPARTMENT_COMMENDATION", "reason", "Tổ trưởng tổ công nghệ số tiêu biểu")));
        long pWard = created(http.post(proposals, officer, World.map("proposerUnitId", ward, "candidateUnitId", ward,
                "rewardForm", "PROVINCE_CERTIFICATE_OF_MERIT", "reason", "Dẫn đầu phong trào Bình dân học vụ số")));

        // the bad input of the issue: a person twice, a unit or a person outside the proposer's area
        Http.Response twice = http.post(proposals, officer, World.map("proposerUnitId", ward, "personId", an,
                "rewardForm", "COMMUNE_COMMENDATION", "reason", "Lần hai"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asText()).contains("Nguyễn Văn An", "đã được đề nghị");
        Http.Response outsideUnit = http.post(proposals, officer, World.map("proposerUnitId", ward,
                "candidateUnitId", unit("24175"), "rewardForm", "COMMUNE_COMMENDATION", "reason", "x"));
        assertThat(outsideUnit.status()).isEqualTo(400);
        assertThat(outsideUnit.json().get("detail").asText()).contains("candidateUnitId").doesNotContain("Hòa Phú");
        Http.Response outsidePerson = http.post(proposals, officer, World.map("proposerUnitId", ward,
                "personId", person("H'Hen Niê"), "rewardForm", "COMMUNE_COMMENDATION", "reason", "x"));
        assertThat(outsidePerson.status()).isEqualTo(400);
        assertThat(outsidePerson.json().get("detail").asText()).contains("personId").doesNotContain("Hen");
        assertThat(http.post(proposals, officer, World.map("proposerUnitId", unit("24175"), "candidateUnitId",
                unit("24175"), "rewardForm", "COMMUNE_COMMENDATION", "reason", "x")).status()).isEqualTo(404);

        // another commune's officer never sees the ward's proposals
        assertThat(http.get("/api/v1/reward-proposals/" + pAn, token("other-officer")).status()).isEqualTo(404);
        for (long p : new long[] {pAn, pCuong, pWard}) {
            assertThat(http.post("/api/v1/reward-proposals/" + p + "/submit", officer, null).json().get("status")
                    .asText()).isEqualTo("SUBMITTED");
        }
        // sending it again changes nothing
        assertThat(http.post("/api/v1/reward-proposals/" + pAn + "/submit", officer, null).status()).isEqualTo(200);

        // the ward's proposal letter (tờ trình) with its list, in the decree's layout; not for another commune
        Http.Response letter = http.get("/api/v1/reward-campaigns/" + c + "/letter.docx?unitId=" + ward, officer);
        assertThat(letter.status()).as(letter.body()).isEqualTo(200);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(letter.bytes()));
             var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỜ TRÌNH", "/TTr-UBND",
                    "Kính gửi: Ủy ban nhân dân Tỉnh Đắk Lắk", "1 tập thể và 2 cá nhân", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
                    "Nguyễn Văn An", "Lê Văn Cường", "Bằng khen của Chủ tịch UBND tỉnh", "Nơi nhận:");
        }
        assertThat(http.get("/api/v1/reward-campaigns/" + c + "/letter.docx?unitId=" + ward, token("other-officer"))
                .status()).isEqualTo(404);

        // a decision on a proposal not appraised is refused, and nothing of it is kept
        Http.Response early = http.post("/api/v1/reward-campaigns/" + c + "/decisions", admin, World.map("number",
                "1234/QĐ-UBND", "decidedOn", LocalDate.now().toString(), "proposalIds", java.util.List.of(pAn)));
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("detail").asText()).contains("chưa được thẩm định");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reward_decision WHERE campaign_id = ?").param(c).query(Long.class)
                .single()).isZero();

        // the commune cannot appraise its own proposals; a rejection needs its reason
        assertThat(http.post("/api/v1/reward-proposals/" + pAn + "/appraisal", officer, World.map("accepted", true))
                .status()).isEqualTo(403);
        assertThat(http.post("/api/v1/reward-proposals/" + pCuong + "/appraisal", admin, World.map("accepted", false))
                .status()).isEqualTo(400);
        for (long p : new long[] {pAn, pCuong, pWard}) {
            assertThat(http.post("/api/v1/reward-proposals/" + p + "/appraisal", admin, World.map("accepted", true,
                    "note", "Đủ tiêu chuẩn")).json().get("status").asText()).isEqualTo("ACCEPTED");
        }
        JsonNode decision = http.post("/api/v1/reward-campaigns/" + c + "/decisions", admin, World.map("number",
                "1234/QĐ-UBND", "decidedOn", LocalDate.now().toString(), "proposalIds", java.util.List.of(pAn, pCuong, pWard)))
                .json();
        assertThat(decision.get("annex").size()).isEqualTo(3);
        // the same decision sent again is the same decision
        assertThat(http.post("/api/v1/reward-campaigns/" + c + "/decisions", admin, World.map("number", "1234/QĐ-UBND",
                "decidedOn", LocalDate.now().toString(), "proposalIds", java.util.List.of(pAn))).json().get("id").asLong())
                .isEqualTo(decision.get("id").asLong());

        Http.Response xlsx = http.get("/api/v1/reward-decisions/" + decision.get("id").asLong() + "/annex.xlsx", admin);
        assertThat(xlsx.status()).isEqualTo(200);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.bytes()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("1234/QĐ-UBND");
            java.util.List<String> names = new java.util.ArrayList<>();
            for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                names.add(sheet.getRow(r).getCell(1).getStringCellValue());
            }
            assertThat(names).containsExactly("Nguyễn Văn An", "Lê Văn Cường", "Phường Buôn Ma Thuột");
            assertThat(sheet.getRow(4).getCell(4).getStringCellValue()).isEqualTo("Bằng khen của Chủ tịch UBND tỉnh");
        }

        // the reward history of the person and of the ward
        JsonNode rewards = http.get("/api/v1/persons/" + an + "/rewards", officer).json();
        assertThat(rewards.get(0).get("decisionNumber").asText()).isEqualTo("1234/QĐ-UBND");
        assertThat(rewards.get(0).get("rewardForm").asText()).isEqualTo("PROVINCE_CERTIFICATE_OF_MERIT");
        assertThat(http.get("/api/v1/units/" + ward + "/rewards", officer).json().size()).isEqualTo(1);
        assertThat(http.get("/api/v1/persons/" + an + "/rewards", token("other-officer")).status()).isEqualTo(404);

        // the campaign's page shows the decision with its list to download
        Http page = new Http(port, true);
        page.formLogin("province-admin", World.PASSWORD);
        assertThat(page.getHtml("/emulation/campaigns/" + c).body()).contains("1234/QĐ-UBND", "Nguyễn Văn An",
                "/emulation/decisions/" + decision.get("id").asLong() + "/annex.xlsx");
        // and the person's page shows the reward
        assertThat(page.getHtml("/persons/" + an).body()).contains("Khen thưởng đã nhận",
                "Bằng khen của Chủ tịch UBND tỉnh", "1234/QĐ-UBND");
    }

    @Test
    void aUnitIsProposedOnlyIfItMeetsTheCampaignsCriteria() {
        String officer = token("commune-officer");
        String admin = token("province-admin");
        long ward = unit("24133");
        long c = http.post("/api/v1/reward-campaigns", admin, World.map("unitId", unit("66"),
                "title", "Khen thưởng có tiêu chuẩn " + YEAR, "year", YEAR)).json().get("id").asLong();
        String criteria = "/api/v1/reward-campaigns/" + c + "/criteria";
        assertThat(http.put(criteria, officer, World.map("minTargetsMetPercent", 80)).status()).isEqualTo(403);
        assertThat(http.put(criteria, admin, World.map("minTargetsMetPercent", 120)).status()).isEqualTo(400);

        // what the ward met that year, as its dashboard shows it
        int met = 0;
        int of = 0;
        for (JsonNode k : http.get("/api/v1/dashboard/" + ward + "?year=" + YEAR, officer).json().get("kpis")) {
            String status = k.get("status").asText();
            if (status.equals("MET") || status.equals("ON_TRACK") || status.equals("BEHIND")) {
                of++;
                met += status.equals("MET") ? 1 : 0;
            }
        }
        int share = of == 0 ? 0 : met * 100 / of;
        String proposals = "/api/v1/reward-campaigns/" + c + "/proposals";
        if (share < 100) {
            assertThat(http.put(criteria, admin, World.map("minTargetsMetPercent", share + 1)).json()
                    .get("minTargetsMetPercent").asInt()).isEqualTo(share + 1);
            Http.Response short_ = http.post(proposals, officer, World.map("proposerUnitId", ward, "candidateUnitId", ward,
                    "rewardForm", "COMMUNE_COMMENDATION", "reason", "Dẫn đầu phong trào"));
            assertThat(short_.status()).as(short_.body()).isEqualTo(400);
            assertThat(short_.json().get("detail").asText()).contains("Phường Buôn Ma Thuột", met + "/" + of,
                    "chưa đủ tiêu chuẩn", (share + 1) + "%");
        }
        http.put(criteria, admin, World.map("minTargetsMetPercent", share));
        assertThat(http.get(criteria, officer).json().get("minTargetsMetPercent").asInt()).isEqualTo(share);
        assertThat(http.post(proposals, officer, World.map("proposerUnitId", ward, "candidateUnitId", ward,
                "rewardForm", "COMMUNE_COMMENDATION", "reason", "Dẫn đầu phong trào")).status()).isEqualTo(201);
    }

    private static long created(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static JsonNode line(JsonNode overview, String name) {
        for (JsonNode l : overview.get("lines")) {
            if (l.get("unitName").asText().equals(name)) {
                return l;
            }
        }
        throw new AssertionError("no line for " + name + " in " + overview);
    }
}

package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.assessment.AttemptPassed;
import vn.binhdan.certification.Certificates;
import vn.binhdan.importing.ImportService;
import vn.binhdan.learning.CourseCompleted;
import vn.binhdan.monitoring.Rollups;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * Digital ambassadors, families and markets, and model citizens: a three-generation cascade
 * grown five learners at a time from those who completed, a nomination approved by the commune
 * and then the province and counted once in the monitoring, and the refusals on the way.
 */
public abstract class CascadeScenarios extends EndToEnd {

    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    Rollups rollups;
    @Autowired
    Certificates certificates;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    @BeforeAll
    void cascadePeople() {
        people(imports, jdbc);
    }

    /** The persons of these scenarios (fixtures/cascade-people.csv), imported once per database. */
    static void people(ImportService imports, JdbcClient jdbc) {
        SystemUser.run(SystemUser.SYSTEM, () -> {
            if (jdbc.sql("SELECT COUNT(*) FROM person WHERE full_name = 'Đinh Văn Khởi'").query(Long.class).single() == 0) {
                World.expectDone(imports.runNow("PERSON", "cascade-people.csv", World.fixture("cascade-people.csv"), null));
            }
        });
    }

    private Http.Response link(String token, String guide, String learner, LocalDate on) {
        return http.post("/api/v1/ambassadors/links", token, World.map("guideId", person(guide), "learnerId", person(learner),
                "linkedOn", on == null ? null : on.toString()));
    }

    private static void refused(Http.Response r, int status, String text) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("detail").asText()).contains(text);
    }

    @Test
    void aThreeGenerationCascadeGrowsFiveAtATimeFromThoseWhoCompleted() {
        String officer = token("commune-officer");
        LocalDate today = LocalDate.now();
        for (String learner : List.of("Đinh Thị Một", "Lò Văn Hai", "Mai Thị Ba", "Vi Văn Bốn", "Hà Thị Năm")) {
            Http.Response r = link(officer, "Đinh Văn Khởi", learner, today.minusDays(80));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        // the sixth learner is refused, and nobody guides themselves
        refused(link(officer, "Đinh Văn Khởi", "Cầm Văn Sáu", null), 400, "đã hướng dẫn đủ 5 người");
        refused(link(officer, "Cầm Văn Sáu", "Cầm Văn Sáu", null), 400, "không thể tự hướng dẫn");
        // a learner guides others only after completing
        refused(link(officer, "Lò Văn Hai", "Lò Thị Bảy", null), 400, "chưa hoàn thành khóa kỹ năng số cơ bản");

        // Hai completes the basic course on the platform, Ba finished a class on paper long ago
        long hai = person("Lò Văn Hai");
        tx.executeWithoutResult(s -> events.publishEvent(new CourseCompleted("course-completed:cascade-hai", hai, 1L,
                LearningScenarios.STARTER, Set.of(TargetGroup.ADULT), Instant.now())));
        Http.Response done = http.post("/api/v1/ambassadors/completions", officer,
                World.map("personId", person("Mai Thị Ba"), "completedOn", today.minusDays(70).toString()));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("eligibleOn").asText()).isEqualTo(today.minusDays(70).toString());

        assertThat(link(officer, "Lò Văn Hai", "Lò Thị Bảy", null).status()).isEqualTo(201);
        assertThat(link(officer, "Lò Văn Hai", "Lò Văn Tám", null).status()).isEqualTo(201);
        assertThat(link(officer, "Mai Thị Ba", "Mai Văn Chín", today.minusDays(40)).status()).isEqualTo(201);

        // a cycle and a second guide are refused; out of scope is out of reach
        refused(link(officer, "Lò Thị Bảy", "Đinh Văn Khởi", null), 400, "quay vòng");
        refused(link(officer, "Mai Thị Ba", "Lò Thị Bảy", null), 409, "đã có người hướng dẫn là Lò Văn Hai");
        assertThat(link(token("other-officer"), "Đinh Văn Khởi", "Cầm Văn Sáu", null).status()).isEqualTo(403);

        JsonNode c = http.get("/api/v1/ambassadors/cascades/" + person("Lò Thị Bảy"), officer).json();
        assertThat(c.get("root").get("name").asText()).isEqualTo("Đinh Văn Khởi");
        assertThat(c.get("generations").asInt()).isEqualTo(3);
        assertThat(c.get("reached").asInt()).isEqualTo(8);
        List<String> generations = new ArrayList<>();
        c.get("perGeneration").forEach(g -> generations.add(g.get("number").asInt() + ":" + g.get("people").asInt() + ":"
                + g.get("completed").asInt() + ":" + g.get("share").asDouble()));
        assertThat(generations).containsExactly("1:1:0:0.0", "2:5:2:40.0", "3:3:0:0.0");
        assertThat(c.get("root").get("learners").size()).isEqualTo(5);
        // Ba's only learner has not completed in 40 days: Ba is stuck; Hai started today and is not
        assertThat(c.get("stuck").size()).as(c.get("stuck").toString()).isEqualTo(1);
        assertThat(c.get("stuck").get(0).get("name").asText()).isEqualTo("Mai Thị Ba");
        assertThat(c.get("stuck").get(0).get("reason").asText()).isEqualTo("NO_LEARNER_COMPLETED");

        assertThat(http.get("/api/v1/ambassadors/cascades", officer).body()).contains("Đinh Văn Khởi");
        assertThat(http.get("/api/v1/ambassadors/cascades", token("other-officer")).body()).doesNotContain("Đinh Văn Khởi");
        assertThat(http.get("/api/v1/ambassadors/cascades/" + person("Lò Thị Bảy"), token("other-officer")).status())
                .isEqualTo(404);

        // the page shows the same tree as nested lists
        Http web = new Http(port, true);
        web.formLogin("commune-officer", World.PASSWORD);
        String page = web.getHtml("/ambassadors/" + person("Đinh Văn Khởi")).body();
        assertThat(page).contains("Chuỗi đại sứ số của Đinh Văn Khởi", "Lò Thị Bảy", "40,0 %", "cascade-tree");
    }

    @Test
    void aModelCitizenIsApprovedByCommuneThenProvinceAndCountedOnce() {
        String team = token("team-member");
        String officer = token("commune-officer");
        String admin = token("province-admin");
        long ward = unit("24133");
        long province = unit("66");
        long village = unit("24133.01");
        rollups.drain();
        Map<Long, Long> before = modelCitizens(List.of(ward, province, village));

        // no evidence, no nomination
        refused(http.post("/api/v1/recognition/nominations", team, World.map("kind", "CITIZEN",
                "personId", person("Đinh Văn Khởi"), "evidenceText", " ", "criteria", List.of("CERTIFIED"))), 400,
                "cần có minh chứng");
        Http.Response created = http.post("/api/v1/recognition/nominations", team, World.map("kind", "CITIZEN",
                "personId", person("Đinh Văn Khởi"), "evidenceText", "Khởi xướng chuỗi đại sứ số của tổ dân phố 1",
                "criteria", List.of("CERTIFIED", "GUIDES_OTHERS")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String api = "/api/v1/recognition/nominations/" + id;
        // a description alone is not evidence enough to send it on
        refused(http.post(api + "/submit", team, null), 400, "ít nhất một tệp hoặc đường dẫn");
        refused(http.upload(api + "/files", team, Map.of(), "virus.pdf", "MZ-not-a-pdf".getBytes(StandardCharsets.UTF_8)),
                400, "PDF hoặc ảnh");
        assertThat(http.upload(api + "/files", team, Map.of(), "bien-ban.pdf", PDF).status()).isEqualTo(201);
        assertThat(http.post(api + "/submit", team, null).json().get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(http.put(api, team, World.map("evidenceText", "Sửa sau khi gửi")).status()).isEqualTo(409);

        // out of scope and the wrong level are refused; the commune officer approves first
        assertThat(http.post(api + "/approve", token("lamdong-admin"), null).status()).isIn(403, 404);
        assertThat(http.post(api + "/approve", token("other-officer"), null).status()).isIn(403, 404);
        assertThat(http.post(api + "/approve", team, null).status()).isEqualTo(403);
        assertThat(http.post(api + "/approve", officer, null).json().get("status").asText()).isEqualTo("COMMUNE_APPROVED");
        assertThat(http.post(api + "/approve", officer, null).status()).isEqualTo(403);
        Http.Response published = http.post(api + "/approve", admin, null);
        assertThat(published.json().get("status").asText()).as(published.body()).isEqualTo("PUBLISHED");
        refused(http.post(api + "/approve", admin, null), 409, "đã được tỉnh công nhận");

        rollups.drain();
        Map<Long, Long> after = modelCitizens(List.of(ward, province, village));
        assertThat(after.get(ward)).isEqualTo(before.get(ward) + 1);
        assertThat(after.get(province)).isEqualTo(before.get(province) + 1);
        assertThat(after.get(village)).isEqualTo(before.get(village) + 1);
        JsonNode check = http.post("/api/v1/monitoring/check", admin, Map.of()).json();
        assertThat(check.get("differences").asInt()).as(check.toString()).isZero();

        // the honour list is public and shows the name and unit only
        Http.Response list = http.get("/api/v1/recognition/public", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Đinh Văn Khởi", "Tổ dân phố 1").doesNotContain("HK-0701", "066080700001",
                "personId");
        assertThat(new Http(port, true).getHtml("/recognised").body()).contains("Đinh Văn Khởi");

        // nobody decides on what they submitted themselves
        long tdp2 = unit("24133.02");
        Http.Response own = http.post("/api/v1/recognition/nominations", officer, World.map("kind", "VILLAGE",
                "unitId", tdp2, "evidenceText", "95% người trưởng thành có kỹ năng số", "links",
                List.of("https://example.org/tdp2"), "criteria", List.of("COVERAGE")));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        String ownApi = "/api/v1/recognition/nominations/" + own.json().get("id").asLong();
        assertThat(http.post(ownApi + "/submit", officer, null).status()).isEqualTo(200);
        refused(http.post(ownApi + "/approve", officer, null), 403, "không thể tự duyệt");
        refused(http.post(ownApi + "/return", officer, World.map("comment", "Bổ sung")), 403, "không thể tự duyệt");
        // the province returns it with a comment; it can be corrected and sent again
        assertThat(http.post(ownApi + "/return", admin, World.map("comment", "Bổ sung ảnh")).json().get("status").asText())
                .isEqualTo("RETURNED");
        assertThat(http.post(ownApi + "/submit", officer, null).json().get("status").asText()).isEqualTo("SUBMITTED");

        // withdrawing a published recognition takes the count back under its own event
        JsonNode withdrawn = http.post(api + "/withdraw", admin, World.map("comment", "Công nhận nhầm người")).json();
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        rollups.drain();
        assertThat(modelCitizens(List.of(ward, province, village))).isEqualTo(before);
        assertThat(http.post("/api/v1/monitoring/check", admin, Map.of()).json().get("differences").asInt()).isZero();
        assertThat(http.get("/api/v1/recognition/public", null).body()).doesNotContain("Đinh Văn Khởi");
    }

    private Map<Long, Long> modelCitizens(List<Long> ids) {
        Map<Long, Map<String, Long>> totals = rollups.totals("MODEL_CITIZENS", ids);
        Map<Long, Long> out = new java.util.HashMap<>();
        ids.forEach(id -> out.put(id, totals.getOrDefault(id, Map.of()).values().stream().mapToLong(Long::longValue).sum()));
        return out;
    }

    @Test
    void aCertifiedMemberGuidingTheHouseholdMakesADigitalFamilyAndTradersAreCheckedAgainst4T() {
        String officer = token("commune-officer");
        long muoi = person("Quàng Văn Mười");
        SystemUser.run(SystemUser.SYSTEM, () -> certificates.onPass(new AttemptPassed("passed:cascade-muoi", "cascade-muoi",
                muoi, TargetGroup.ADULT, "1.0", 90, Instant.now())));

        refused(http.post("/api/v1/families", officer, World.map("personId", person("Quàng Thị Hoa"))), 400,
                "chưa được chứng nhận");
        long tdp2 = unit("24133.02");
        JsonNode before = http.get("/api/v1/families?unitId=" + tdp2, officer).json();
        assertThat(before.get("candidates").toString()).contains("HK-0710", "Quàng Văn Mười");
        Http.Response declared = http.post("/api/v1/families", officer, World.map("personId", muoi));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        refused(http.post("/api/v1/families", officer, World.map("personId", muoi)), 409, "đã được ghi nhận");
        JsonNode after = http.get("/api/v1/families?unitId=" + tdp2, officer).json();
        assertThat(after.get("count").asInt()).isEqualTo(before.get("count").asInt() + 1);
        assertThat(after.get("families").toString()).contains("HK-0710");
        assertThat(after.get("candidates").toString()).doesNotContain("HK-0710");
        assertThat(http.get("/api/v1/families?unitId=" + tdp2, token("other-officer")).status()).isEqualTo(403);

        refused(http.post("/api/v1/markets", officer, World.map("unitId", tdp2, "name", "Chợ tổ 2")), 400, "xã, phường");
        Http.Response market = http.post("/api/v1/markets", officer, World.map("unitId", unit("24133"),
                "name", "Chợ Buôn Ma Thuột"));
        assertThat(market.status()).as(market.body()).isEqualTo(201);
        String api = "/api/v1/markets/" + market.json().get("id").asLong();
        long a = http.post(api + "/traders", officer, World.map("name", "Cô Lan", "stall", "Sạp 12")).json().get("id").asLong();
        long b = http.post(api + "/traders", officer, World.map("name", "Chú Tư", "personId", muoi)).json().get("id").asLong();
        assertThat(http.put(api + "/traders/" + a + "/criteria", officer,
                World.map("met", List.of("ECOMMERCE", "CASHLESS", "DIGITAL_SAVINGS"))).json().get("meetsAll").asBoolean())
                .isTrue();
        assertThat(http.put(api + "/traders/" + b + "/criteria", officer, World.map("met", List.of("CASHLESS")))
                .json().get("meetsAll").asBoolean()).isFalse();
        refused(http.put(api + "/traders/" + b + "/criteria", officer, World.map("met", List.of("CRYPTO"))), 400,
                "không có trong danh mục 4T");
        JsonNode m = http.get(api, officer).json();
        assertThat(m.get("traders").asInt()).isEqualTo(2);
        assertThat(m.get("meetingAll").asInt()).isEqualTo(1);
        assertThat(m.get("share").asDouble()).isEqualTo(50.0);
        assertThat(http.get(api, token("other-officer")).status()).isEqualTo(404);
    }
}

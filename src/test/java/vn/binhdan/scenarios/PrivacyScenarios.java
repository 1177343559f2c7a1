package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import vn.binhdan.assessment.AttemptPassed;
import vn.binhdan.certification.Certificates;
import vn.binhdan.identity.AccountService.GrantSpec;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * A citizen's rights over their data, as the demo learner Nguyễn Văn An meets them: the
 * province's privacy notice at first login, consents per purpose, "Dữ liệu của tôi" with the
 * commune officer's read of the record, a correction the officer completes, a withdrawn consent
 * taking the name off the public list at once, and the retention rules applied to an aged
 * guidance entry.
 */
public abstract class PrivacyScenarios extends EndToEnd {

    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    Certificates certificates;

    /**
     * The "done when" as one chain: notice at login, consents, her data and its download
     * with the officer's read made in this test, a correction the officer completes, the
     * leaderboard consent withdrawn on a real closed round, and the retention job on an aged
     * guidance name. The database is shared with other scenario classes, so what this changes
     * (her consents, the guidance entry's date) is put back at the end whatever happens.
     */
    @Test
    void theDemoLearnerExercisesHerRightsFromFirstLoginToRetention() {
        String admin = token("province-admin");
        String officer = token("commune-officer");
        String learner = token("learner");
        long an = person("Nguyễn Văn An");
        long province = unit("66");
        java.time.Instant began = java.time.Instant.now().minusSeconds(1);
        Map<String, Boolean> before = new java.util.HashMap<>();
        for (JsonNode c : http.get("/api/v1/me/privacy", learner).json().get("consents")) {
            if (c.hasNonNull("granted")) {
                before.put(c.get("purpose").asText(), c.get("granted").asBoolean());
            }
        }
        Long agedSession = null;
        java.sql.Date agedGivenOn = null;
        try {
            // the province publishes its notice; at her next login it comes first
            Http.Response published = http.post("/api/v1/privacy/notices", admin, notice(province, "Thông báo dữ liệu 2026"));
            assertThat(published.status()).as(published.body()).isEqualTo(200);
            long noticeId = published.json().get("id").asLong();
            Http web = new Http(port, true);
            web.formLogin("learner", World.PASSWORD);
            assertThat(web.getHtml("/").body()).contains("Thông báo về xử lý dữ liệu cá nhân", "/me/privacy");
            String page = web.getHtml("/me/privacy").body();
            assertThat(page).contains("Thông báo dữ liệu 2026", "không cần bạn đồng ý");

            // she consents to some items and refuses one
            assertThat(web.postForm("/me/privacy", Map.of("_csrf", Http.csrf(page), "noticeId", String.valueOf(noticeId),
                    "ASSISTANT_HISTORY", "yes", "PUBLIC_MODEL_LIST", "no", "LEADERBOARD_NAME", "yes")).body())
                    .contains("Đã lưu lựa chọn của bạn.");
            JsonNode mine = http.get("/api/v1/me/privacy", learner).json();
            assertThat(mine.get("pending").asBoolean()).isFalse();
            assertThat(consent(mine, "LEADERBOARD_NAME").get("granted").asBoolean()).isTrue();
            assertThat(consent(mine, "PUBLIC_MODEL_LIST").get("granted").asBoolean()).isFalse();

            // the commune officer reads her record now; "Dữ liệu của tôi" shows that read, and the downloads carry it
            assertThat(http.get("/api/v1/persons/" + an, officer).status()).isEqualTo(200);
            String dataPage = web.getHtml("/me/data").body();
            assertThat(dataPage).contains("Dữ liệu của tôi", "Ai đã xem hồ sơ của tôi", "Xem hồ sơ", "Cán bộ xã, phường",
                    "Phường Buôn Ma Thuột");
            JsonNode reads = http.get("/api/v1/me/data", learner).json().get("reads");
            boolean officerReadNow = false;
            for (JsonNode r : reads) {
                officerReadNow |= r.get("action").asText().equals("Xem hồ sơ")
                        && r.get("role").asText().equals("Cán bộ xã, phường")
                        && !instant(r.get("at")).isBefore(began);
            }
            assertThat(officerReadNow).as("the officer's read made in this test, in %s", reads).isTrue();
            Http.Response json = web.getHtml("/me/data/download?format=json");
            assertThat(json.header("Content-Disposition")).contains("du-lieu-cua-toi.json");
            assertThat(json.body()).contains("Nguyễn Văn An", "Xem hồ sơ", "Cán bộ xã, phường");
            Http.Response xlsx = web.getHtml("/me/data/download?format=xlsx");
            assertThat(xlsx.header("Content-Disposition")).contains("du-lieu-cua-toi.xlsx");
            assertThat(cells(xlsx.bytes())).contains("Nguyễn Văn An", "Xem hồ sơ", "Cán bộ xã, phường");

            // she asks for a correction; the ward's officer completes it and she reads the answer
            String phone = "0905 " + (100_000 + (int) (System.nanoTime() % 800_000));
            Http.Response asked = http.post("/api/v1/me/corrections", learner, World.map("field", "PHONE",
                    "requestedValue", phone, "reason", "Số cũ không còn dùng"));
            assertThat(asked.status()).as(asked.body()).isEqualTo(200);
            long correction = asked.json().get("id").asLong();
            assertThat(http.get("/api/v1/privacy/corrections", officer).body()).contains(phone);
            Http.Response done = http.post("/api/v1/privacy/corrections/" + correction + "/answer", officer,
                    World.map("outcome", "DONE", "reply", "Đã cập nhật số điện thoại"));
            assertThat(done.status()).as(done.body()).isEqualTo(200);
            assertThat(web.getHtml("/me/data").body()).contains(phone, "Đã sửa", "Đã cập nhật số điện thoại");

            // she takes a contest round: once it closes her name is on its leaderboard
            long contest = http.post("/api/v1/contests", admin, World.map("unitId", province,
                    "title", "Cuộc thi quyền dữ liệu", "organiser", "Sở KH&CN", "finalPrizes", 1, "collectivePrizes", 1))
                    .json().get("id").asLong();
            java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            Http.Response roundMade = http.post("/api/v1/contests/" + contest + "/rounds", admin, World.map(
                    "title", "Vòng dữ liệu của tôi", "opensAt", now.minusSeconds(60).toString(),
                    "closesAt", now.plus(1, java.time.temporal.ChronoUnit.DAYS).toString(), "timeLimitMinutes", 20,
                    "prizes", 1, "draw", List.of(World.map("area", "1", "count", 3))));
            assertThat(roundMade.status()).as(roundMade.body()).isEqualTo(201);
            long round = roundMade.json().get("id").asLong();
            Http.Response entered = http.post("/api/v1/contest-rounds/" + round + "/entries", learner, null);
            assertThat(entered.status()).as(entered.body()).isEqualTo(201);
            String entry = entered.json().get("entryId").asText();
            for (JsonNode item : entered.json().get("items")) {
                if (!"ORDERING".equals(item.get("type").asText())) {
                    http.put("/api/v1/me/contest-entries/" + entry + "/items/" + item.get("position").asInt(), learner,
                            World.map("choice", List.of(0)));
                }
            }
            Http.Response submitted = http.post("/api/v1/me/contest-entries/" + entry + "/submit", learner,
                    World.map("prediction", 3));
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
            assertThat(http.post("/api/v1/contest-rounds/" + round + "/close", admin, null).status()).isEqualTo(200);
            JsonNode top = http.get("/api/v1/contest-rounds/" + round + "/ranking", learner).json();
            assertThat(top.size()).isEqualTo(1);
            assertThat(top.get(0).get("name").asText()).isEqualTo("Nguyễn V. A.");

            // she withdraws that consent: the leaderboard keeps her place but no longer names her
            JsonNode withdrawn = http.put("/api/v1/me/consents", learner, World.map("choices",
                    World.map("LEADERBOARD_NAME", false))).json();
            assertThat(consent(withdrawn, "LEADERBOARD_NAME").get("granted").asBoolean()).isFalse();
            Http.Response ranking = http.get("/api/v1/contest-rounds/" + round + "/ranking", admin);
            assertThat(ranking.json().get(0).get("rank").asInt()).isEqualTo(1);
            JsonNode unnamed = ranking.json().get(0).get("name");
            assertThat(unnamed == null || unnamed.isNull()).as("no name in %s", ranking.body()).isTrue();
            assertThat(ranking.body()).doesNotContain("Nguyễn V. A.");
            Http adminWeb = new Http(port, true);
            adminWeb.formLogin("province-admin", World.PASSWORD);
            String roundPage = adminWeb.getHtml("/contests/rounds/" + round).body();
            assertThat(roundPage).contains("không hiện tên theo lựa chọn của họ").doesNotContain("Nguyễn V. A.");

            // the retention job anonymises a guidance name older than its rule, and reports it
            String aged = "Người Được Giúp Năm " + (System.nanoTime() % 100_000);
            Http.Response g = http.post("/api/v1/guidance", token("team-member"), World.map(
                    "clientId", java.util.UUID.randomUUID().toString(), "unitId", unit("24133.01"), "place", "HOME",
                    "minutes", 15, "outcome", "DONE", "topics", List.of("VNEID"),
                    "people", List.of(World.map("fullName", aged, "birthYear", 1948))));
            assertThat(g.status()).as(g.body()).isIn(200, 201);
            agedSession = jdbc.sql("SELECT session_id FROM guidance_person WHERE full_name = ?").param(aged)
                    .query(Long.class).single();
            agedGivenOn = jdbc.sql("SELECT given_on FROM guidance_session WHERE id = ?").param(agedSession)
                    .query(java.sql.Date.class).single();
            jdbc.sql("UPDATE guidance_session SET given_on = ? WHERE id = ?")
                    .params(java.sql.Date.valueOf(LocalDate.now().minusYears(3)), agedSession).update();
            Http.Response run = http.post("/api/v1/privacy/retention/runs", admin, null);
            assertThat(run.status()).as(run.body()).isEqualTo(200);
            assertThat(run.json().get("changed").get("GUIDANCE_NAME").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM guidance_person WHERE full_name = ?").param(aged)
                    .query(Integer.class).single()).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM guidance_person WHERE session_id = ?").param(agedSession)
                    .query(Integer.class).single()).isEqualTo(1);
        } finally {
            if (agedSession != null) {
                jdbc.sql("UPDATE guidance_session SET given_on = ? WHERE id = ?").params(agedGivenOn, agedSession).update();
            }
            // other scenario classes expect her name on leaderboards (the contest's browser test among them)
            Map<String, Object> back = new java.util.LinkedHashMap<>(before);
            back.put("LEADERBOARD_NAME", true);
            http.put("/api/v1/me/consents", learner, World.map("choices", back));
        }
    }

    @Test
    void theLearnerIsToldConsentsSeesTheirDataAndWhoReadItAndHasItCorrected() {
        String admin = token("province-admin");
        String officer = token("commune-officer");
        String learner = token("learner");
        long an = person("Nguyễn Văn An");
        long province = unit("66");

        // the province sets the notice; an officer cannot, and a notice without its contact is refused by field
        refused(http.post("/api/v1/privacy/notices", officer, notice(province, "Thông báo")), 403, "quản trị viên cấp tỉnh");
        refused(http.post("/api/v1/privacy/notices", admin, World.map("unitId", province, "title", "Thông báo",
                "body", "Nội dung")), 400, "(contact)");
        Http.Response v1 = http.post("/api/v1/privacy/notices", admin, notice(province, "Thông báo xử lý dữ liệu cá nhân"));
        assertThat(v1.status()).as(v1.body()).isEqualTo(200);
        long notice1 = v1.json().get("id").asLong();
        int version1 = v1.json().get("version").asInt();

        // first login: the notice comes first on the home page
        Http web = new Http(port, true);
        web.formLogin("learner", World.PASSWORD);
        assertThat(web.getHtml("/").body()).contains("Thông báo về xử lý dữ liệu cá nhân", "/me/privacy");
        String page = web.getHtml("/me/privacy").body();
        assertThat(page).contains("Thông báo xử lý dữ liệu cá nhân", "Người phụ trách bảo vệ dữ liệu: Sở KH&amp;CN",
                "không cần bạn đồng ý", "Tên bạn trên bảng xếp hạng cuộc thi");
        assertThat(http.get("/api/v1/me/privacy", learner).json().get("pending").asBoolean()).isTrue();

        // consents to some items, refuses the leaderboard, on the page
        Http.Response saved = web.postForm("/me/privacy", Map.of("_csrf", Http.csrf(page), "noticeId", String.valueOf(notice1),
                "ASSISTANT_HISTORY", "yes", "PUBLIC_MODEL_LIST", "yes", "LEADERBOARD_NAME", "no"));
        assertThat(saved.body()).contains("Đã lưu lựa chọn của bạn.");
        JsonNode mine = http.get("/api/v1/me/privacy", learner).json();
        assertThat(mine.get("pending").asBoolean()).isFalse();
        assertThat(consent(mine, "LEADERBOARD_NAME").get("granted").asBoolean()).isFalse();
        assertThat(consent(mine, "PUBLIC_MODEL_LIST").get("granted").asBoolean()).isTrue();
        assertThat(consent(mine, "PUBLIC_MODEL_LIST").get("noticeVersion").asInt()).isEqualTo(version1);
        assertThat(web.getHtml("/").body()).doesNotContain("Đọc thông báo và chọn").contains("/me/data");

        // a version someone answered is never edited: the edit becomes a new version, which asks again
        Http.Response edited = http.put("/api/v1/privacy/notices/" + notice1, admin, notice(province, "Thông báo (sửa đổi)"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        long notice2 = edited.json().get("id").asLong();
        assertThat(notice2).isNotEqualTo(notice1);
        assertThat(edited.json().get("version").asInt()).isEqualTo(version1 + 1);
        boolean firstKept = false;
        for (JsonNode n : http.get("/api/v1/privacy/notices", admin).json()) {
            firstKept |= n.get("id").asLong() == notice1 && n.get("title").asText().equals("Thông báo xử lý dữ liệu cá nhân");
        }
        assertThat(firstKept).as("the version she read is kept as she read it").isTrue();
        assertThat(http.get("/api/v1/me/privacy", learner).json().get("pending").asBoolean()).isTrue();
        // a choice made on the old page is not taken as an answer to the new version
        refused(http.put("/api/v1/me/consents", learner, World.map("noticeId", notice1, "choices",
                World.map("LEADERBOARD_NAME", true))), 409, "phiên bản thông báo mới");
        mine = http.put("/api/v1/me/consents", learner, World.map("noticeId", notice2, "choices",
                World.map("ASSISTANT_HISTORY", true, "PUBLIC_MODEL_LIST", true, "LEADERBOARD_NAME", false))).json();
        assertThat(mine.get("pending").asBoolean()).isFalse();

        // the commune officer reads her record; she sees that read, by role and unit, not by name
        assertThat(http.get("/api/v1/persons/" + an, officer).status()).isEqualTo(200);
        Http.Response data = http.get("/api/v1/me/data", learner);
        assertThat(data.status()).as(data.body()).isEqualTo(200);
        assertThat(data.body()).contains("Nguyễn Văn An", "05/09/1985", "*********001", "Hồ sơ trong sổ đăng ký",
                        "Cán bộ, công chức, viên chức", "Phường Buôn Ma Thuột")
                .doesNotContain("066085000001", "commune-officer", "Cán bộ phường Buôn Ma Thuột");
        JsonNode reads = data.json().get("reads");
        assertThat(reads.toString()).contains("Xem hồ sơ", "Cán bộ xã, phường");
        assertThat(data.json().get("sections").toString()).contains("Học tập", "Các lần thi", "Chứng nhận",
                "Hướng dẫn tận nơi đã nhận");
        String dataPage = web.getHtml("/me/data").body();
        assertThat(dataPage).contains("Dữ liệu của tôi", "Ai đã xem hồ sơ của tôi", "Xem hồ sơ", "Cán bộ xã, phường");

        // downloads: JSON and a workbook
        Http.Response json = web.getHtml("/me/data/download?format=json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Disposition")).contains("du-lieu-cua-toi.json");
        assertThat(json.body()).contains("Nguyễn Văn An", "Cán bộ xã, phường");
        Http.Response xlsx = http.get("/api/v1/me/data.xlsx", learner);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(cells(xlsx.bytes())).contains("Nguyễn Văn An", "Cán bộ xã, phường", "Xem hồ sơ");

        // a correction: asked once, for herself only; it reaches the ward's officer, not another commune's
        refused(http.post("/api/v1/me/corrections", learner, World.map("personId", person("Nguyễn Thị Hoa"),
                "field", "BIRTH_DATE", "requestedValue", "13/03/1988")), 403, "chính mình");
        refused(http.post("/api/v1/me/corrections", learner, World.map("field", "SHOE_SIZE", "requestedValue", "40")), 400,
                "(field)");
        refused(http.post("/api/v1/me/corrections", learner, World.map("field", "BIRTH_DATE", "requestedValue", " ")), 400,
                "(requestedValue)");
        Http.Response asked = http.post("/api/v1/me/corrections", learner, World.map("field", "BIRTH_DATE",
                "requestedValue", "06/09/1985", "reason", "Giấy khai sinh ghi ngày 06/09/1985"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        long correction = asked.json().get("id").asLong();
        refused(http.post("/api/v1/me/corrections", learner, World.map("field", "BIRTH_DATE",
                "requestedValue", "06/09/1985")), 409, "không cần gửi lại");
        assertThat(http.get("/api/v1/privacy/corrections", officer).body()).contains("Nguyễn Văn An", "06/09/1985");
        assertThat(http.get("/api/v1/privacy/corrections", token("other-officer")).body()).isEqualTo("[]");
        assertThat(http.post("/api/v1/privacy/corrections/" + correction + "/answer", token("other-officer"),
                World.map("outcome", "DONE")).status()).isIn(403, 404);
        assertThat(http.post("/api/v1/privacy/corrections/" + correction + "/answer", learner,
                World.map("outcome", "DONE")).status()).isIn(403, 404);
        refused(http.post("/api/v1/privacy/corrections/" + correction + "/answer", officer,
                World.map("outcome", "REFUSED")), 400, "lý do");
        Http officerWeb = new Http(port, true);
        officerWeb.formLogin("commune-officer", World.PASSWORD);
        assertThat(officerWeb.getHtml("/").body()).containsPattern("\\d+ yêu cầu chỉnh sửa hồ sơ đang chờ");
        String queue = officerWeb.getHtml("/privacy/corrections").body();
        assertThat(queue).contains("Nguyễn Văn An", "06/09/1985", "Giấy khai sinh");
        // the officer corrects the record, then answers on the page
        Http.Response answered = officerWeb.postForm("/privacy/corrections/" + correction + "/answer",
                Map.of("_csrf", Http.csrf(queue), "outcome", "DONE", "reply", "Đã sửa theo giấy khai sinh"));
        assertThat(answered.body()).contains("Đã gửi câu trả lời");
        refused(http.post("/api/v1/privacy/corrections/" + correction + "/answer", officer,
                World.map("outcome", "DONE")), 409, "đã được trả lời");
        JsonNode back = http.get("/api/v1/me/corrections", learner).json().get(0);
        assertThat(back.get("status").asText()).isEqualTo("DONE");
        assertThat(back.get("reply").asText()).isEqualTo("Đã sửa theo giấy khai sinh");
        assertThat(web.getHtml("/me/data").body()).contains("Đã sửa", "Đã sửa theo giấy khai sinh",
                "Sửa hồ sơ theo yêu cầu");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action LIKE 'CORRECTION_%' AND subject_id = ?")
                .param(String.valueOf(an)).query(Integer.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aWithdrawnConsentStopsThatProcessingAtOnce() {
        String learner = token("learner");
        String team = token("team-member");
        String officer = token("commune-officer");
        String admin = token("province-admin");
        long an = person("Nguyễn Văn An");

        // recognised as a model citizen, she is on the public list
        if (!http.get("/api/v1/recognition/public", null).body().contains("Nguyễn Văn An")) {
            Http.Response created = http.post("/api/v1/recognition/nominations", team, World.map("kind", "CITIZEN",
                    "personId", an, "evidenceText", "Hướng dẫn cả tổ dân phố cài VNeID", "criteria", List.of("GUIDES_OTHERS")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String api = "/api/v1/recognition/nominations/" + created.json().get("id").asLong();
            assertThat(http.upload(api + "/files", team, Map.of(), "bien-ban.pdf", PDF).status()).isEqualTo(201);
            assertThat(http.post(api + "/submit", team, null).status()).isEqualTo(200);
            assertThat(http.post(api + "/approve", officer, null).status()).isEqualTo(200);
            assertThat(http.post(api + "/approve", admin, null).json().get("status").asText()).isEqualTo("PUBLISHED");
        }
        http.put("/api/v1/me/consents", learner, World.map("choices", World.map("PUBLIC_MODEL_LIST", true)));
        assertThat(http.get("/api/v1/recognition/public", null).body()).contains("Nguyễn Văn An");

        // she withdraws: her name is gone from the public list and page at once
        JsonNode mine = http.put("/api/v1/me/consents", learner, World.map("choices",
                World.map("PUBLIC_MODEL_LIST", false, "LEADERBOARD_NAME", false))).json();
        assertThat(consent(mine, "PUBLIC_MODEL_LIST").get("granted").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/recognition/public", null).body()).doesNotContain("Nguyễn Văn An");
        assertThat(new Http(port, true).getHtml("/recognised").body()).doesNotContain("Nguyễn Văn An");

        // refusing the assistant's keeping of questions: an unanswered question is not kept
        http.put("/api/v1/me/consents", learner, World.map("choices", World.map("ASSISTANT_HISTORY", false)));
        http.post("/api/v1/assistant/ask", learner, World.map("question", "giá hồ tiêu hôm nay ở chợ bao nhiêu"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assistant_unanswered WHERE question LIKE '%hồ tiêu%'")
                .query(Integer.class).single()).isZero();
        http.put("/api/v1/me/consents", learner, World.map("choices", World.map("ASSISTANT_HISTORY", true)));
        http.post("/api/v1/assistant/ask", learner, World.map("question", "giá hồ tiêu hôm nay ở chợ bao nhiêu"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assistant_unanswered WHERE question LIKE '%hồ tiêu%'")
                .query(Integer.class).single()).isEqualTo(1);

        // she asks to be deleted: the registry is kept by legal duty, which she is told, and the request is on the trail
        refused(http.post("/api/v1/me/erasure", learner, null), 409, "theo quy định của pháp luật");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'ERASURE_ASKED' AND subject_id = ?")
                .param(String.valueOf(an)).query(Integer.class).single()).isGreaterThanOrEqualTo(1);

        // the history of choices is kept as the proof of what was agreed when
        assertThat(jdbc.sql("SELECT COUNT(*) FROM privacy_consent WHERE person_id = ? AND purpose = 'ASSISTANT_HISTORY'")
                .param(an).query(Integer.class).single()).isGreaterThanOrEqualTo(2);
    }

    /**
     * A learner no legal duty keeps deletes her account: her learning is anonymised (reading trail,
     * exam answers, devices), her account closes at once, while the course's and exam's counts and
     * her certificate stay valid and the registry record, kept by law, says so. The demo learner, a
     * civil servant, is told which duty keeps his data instead, and keeps his account.
     */
    @Test
    void anAccountNoLegalDutyKeepsIsDeletedItsLearningAnonymisedCountsAndCertificateKept() {
        String username = "xoa-tai-khoan";
        SystemUser.run(SystemUser.SYSTEM, () -> {
            if (jdbc.sql("SELECT COUNT(*) FROM person WHERE full_name = 'Trần Thị Xin Xóa'").query(Long.class).single() == 0) {
                String csv = """
                        Họ và tên,Ngày sinh,Giới tính,Số CCCD,Mã đơn vị
                        Trần Thị Xin Xóa,14/07/1992,Nữ,066192700101,24133.01
                        """;
                World.expectDone(imports.runNow("PERSON", "xin-xoa.csv",
                        new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null));
            }
            if (accounts.loadByUsername(username).isEmpty()) {
                accounts.create(username, "Trần Thị Xin Xóa", World.PASSWORD, person("Trần Thị Xin Xóa"),
                        List.of(new GrantSpec(Role.LEARNER, unit("24133.01"))));
            }
        });
        long her = person("Trần Thị Xin Xóa");
        String t = token(username);
        String officer = token("commune-officer");

        // before asking, she is told nothing keeps her learning and what stays anyway
        JsonNode check = http.get("/api/v1/me/erasure", t).json();
        assertThat(check.get("holds").size()).isZero();
        assertThat(check.get("kept").toString()).contains("sổ đăng ký", "theo quy định của pháp luật", "Chứng nhận đã cấp");

        // she learns: a course, a lesson answered, an exam taken, a certificate
        String course = "KNS-NGUOI-DAN";
        assertThat(http.post("/api/v1/courses/" + course + "/enrolment", t, null).status()).isEqualTo(200);
        String lesson = jdbc.sql("""
                SELECT l.code FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.code = ? ORDER BY l.position LIMIT 1""")
                .param(course).query(String.class).single();
        JsonNode opened = http.get("/api/v1/courses/" + course + "/lessons/" + lesson, t).json();
        List<List<Integer>> answers = new java.util.ArrayList<>();
        opened.get("checks").forEach(c -> answers.add(List.of(0)));
        assertThat(http.post("/api/v1/courses/" + course + "/lessons/" + lesson + "/answers", t,
                World.map("answers", answers)).status()).isEqualTo(200);
        Http.Response started = http.post("/api/v1/me/exams/ADULT/attempts", t, null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String attempt = started.json().get("attemptId").asText();
        for (JsonNode item : started.json().get("items")) {
            if (!"ORDERING".equals(item.get("type").asText())) {
                assertThat(http.put("/api/v1/me/exam-attempts/" + attempt + "/items/" + item.get("position").asInt(), t,
                        World.map("choice", List.of(0))).status()).isEqualTo(200);
            }
        }
        assertThat(http.post("/api/v1/me/exam-attempts/" + attempt + "/submit", t, null).status()).isEqualTo(200);
        String passId = java.util.UUID.randomUUID().toString();
        SystemUser.run(SystemUser.SYSTEM, () -> certificates.onPass(new AttemptPassed("passed:" + passId, passId, her,
                TargetGroup.ADULT, "1.0", 90, java.time.Instant.now())));
        String certificate = jdbc.sql("SELECT id FROM certificate WHERE attempt_id = ?").param(passId)
                .query(String.class).single();
        int enrolled = count("SELECT COUNT(*) FROM enrolment e JOIN course c ON c.id = e.course_id WHERE c.code = ?", course);
        Integer score = jdbc.sql("SELECT score_percent FROM exam_attempt WHERE id = ?").param(attempt)
                .query(Integer.class).single();
        assertThat(count("SELECT COUNT(*) FROM lesson_progress WHERE person_id = ?", her)).isPositive();
        assertThat(count("SELECT COUNT(*) FROM exam_item WHERE attempt_id = ? AND choice IS NOT NULL", attempt)).isPositive();

        // she deletes her account
        Http.Response erased = http.post("/api/v1/me/erasure", t, null);
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("anonymised").toString()).contains("Quá trình học", "Bài thi", "Tài khoản");
        assertThat(erased.json().get("kept").toString()).contains("theo quy định của pháp luật");

        // the account is closed at once; her reading trail and answers are gone
        assertThat(http.get("/api/v1/me/privacy", t).status()).isIn(401, 403);
        assertThat(accounts.loadByUsername(username)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM account WHERE person_id = ?", her)).isZero();
        assertThat(count("SELECT COUNT(*) FROM lesson_progress WHERE person_id = ?", her)).isZero();
        assertThat(count("SELECT COUNT(*) FROM learning_statement WHERE person_id = ?", her)).isZero();
        assertThat(count("SELECT COUNT(*) FROM exam_item WHERE attempt_id = ? AND choice IS NOT NULL", attempt)).isZero();
        assertThat(count("SELECT COUNT(*) FROM privacy_consent WHERE person_id = ? AND granted = FALSE", her))
                .isGreaterThanOrEqualTo(3);
        // what counts rest on stays: the enrolment, the exam's score, the certificate
        assertThat(count("SELECT COUNT(*) FROM enrolment e JOIN course c ON c.id = e.course_id WHERE c.code = ?", course))
                .isEqualTo(enrolled);
        assertThat(jdbc.sql("SELECT score_percent FROM exam_attempt WHERE id = ?").param(attempt).query(Integer.class)
                .single()).isEqualTo(score);
        assertThat(http.get("/api/v1/credentials/" + certificate + "/verify", null).json().get("status").asText())
                .isEqualTo("VALID");
        // the registry record is kept by law; the deletion is on its trail
        assertThat(http.get("/api/v1/persons/" + her, officer).status()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'ERASURE' AND subject_id = ?",
                String.valueOf(her))).isEqualTo(1);

        // the demo learner is a civil servant: the duty is named, the request recorded, the account kept
        String learner = token("learner");
        long an = person("Nguyễn Văn An");
        JsonNode held = http.get("/api/v1/me/erasure", learner).json();
        assertThat(held.get("holds").toString()).contains("cán bộ, công chức, viên chức");
        int asked = count("SELECT COUNT(*) FROM audit_event WHERE action = 'ERASURE_ASKED' AND subject_id = ?",
                String.valueOf(an));
        refused(http.post("/api/v1/me/erasure", learner, null), 409, "cán bộ, công chức, viên chức");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'ERASURE_ASKED' AND subject_id = ?",
                String.valueOf(an))).isEqualTo(asked + 1);
        assertThat(http.get("/api/v1/me/privacy", learner).status()).isEqualTo(200);
        Http web = new Http(port, true);
        web.formLogin("learner", World.PASSWORD);
        String page = web.getHtml("/me/data").body();
        assertThat(page).contains("Xóa tài khoản và dữ liệu", "cán bộ, công chức, viên chức");
        Http.Response onPage = web.postForm("/me/data/erasure", Map.of("_csrf", Http.csrf(page), "confirm", "yes"));
        assertThat(onPage.status()).isEqualTo(409);
        assertThat(onPage.body()).contains("theo quy định của pháp luật", "cán bộ, công chức, viên chức");
    }

    private static java.time.Instant instant(JsonNode at) {
        if (at.isNumber()) {
            return java.time.Instant.ofEpochMilli(Math.round(at.asDouble() * 1000));
        }
        return java.time.Instant.parse(at.asText());
    }

    private int count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Integer.class).single();
    }

    @Test
    void theRetentionJobAnonymisesAnAgedGuidanceNameAndReportsIt() {
        String admin = token("province-admin");
        String team = token("team-member");
        long village = unit("24133.01");
        String aged = "Người Được Giúp Từ Lâu";
        String recent = "Người Được Giúp Hôm Nay";
        for (String name : List.of(aged, recent)) {
            Http.Response r = http.post("/api/v1/guidance", team, World.map("clientId", java.util.UUID.randomUUID().toString(),
                    "unitId", village, "place", "HOME", "minutes", 15, "outcome", "DONE", "topics", List.of("VNEID"),
                    "people", List.of(World.map("fullName", name, "birthYear", 1950))));
            assertThat(r.status()).as(r.body()).isIn(200, 201);
        }
        // three years have passed for the first entry
        long agedSession = jdbc.sql("SELECT session_id FROM guidance_person WHERE full_name = ?").param(aged)
                .query(Long.class).single();
        java.sql.Date givenOn = jdbc.sql("SELECT given_on FROM guidance_session WHERE id = ?").param(agedSession)
                .query(java.sql.Date.class).single();
        jdbc.sql("""
                UPDATE guidance_session SET given_on = ? WHERE id = (SELECT session_id FROM guidance_person WHERE full_name = ?)""")
                .params(java.sql.Date.valueOf(LocalDate.now().minusYears(3)), aged).update();

        // a rule below its legal minimum is refused; officers do not set rules
        refused(http.put("/api/v1/privacy/retention/rules/GUIDANCE_NAME", admin, World.map("days", 30)), 400, "365");
        assertThat(http.put("/api/v1/privacy/retention/rules/GUIDANCE_NAME", token("commune-officer"),
                World.map("days", 800)).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/privacy/retention/rules", admin).body()).contains("GUIDANCE_NAME", "730");

        Http.Response run = http.post("/api/v1/privacy/retention/runs", admin, null);
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().get("changed").get("GUIDANCE_NAME").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(run.json().get("changed").has("EXAM_ANSWER")).isTrue();
        assertThat(run.json().get("changed").has("AUDIT_ENTRY")).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM guidance_person WHERE full_name = ?").param(aged).query(Integer.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM guidance_person WHERE full_name = ?").param(recent).query(Integer.class)
                .single()).isEqualTo(1);
        // the count of people helped stays
        assertThat(jdbc.sql("SELECT COUNT(*) FROM guidance_person WHERE full_name = '(đã ẩn danh)'").query(Integer.class)
                .single()).isGreaterThanOrEqualTo(1);
        // the entry was aged behind the rollups' back: give it its real day again, so that the live
        // figures and a recompute from the rows agree for the scenarios that share this database
        jdbc.sql("UPDATE guidance_session SET given_on = ? WHERE id = ?").params(givenOn, agedSession).update();
        assertThat(http.get("/api/v1/privacy/retention/runs", admin).body()).contains("GUIDANCE_NAME");
        // the province reads the rules and the report on its page, and may lengthen a rule there
        Http provinceWeb = new Http(port, true);
        provinceWeb.formLogin("province-admin", World.PASSWORD);
        String adminPage = provinceWeb.getHtml("/privacy/admin").body();
        assertThat(adminPage).contains("Tên người được hướng dẫn chưa có trong sổ đăng ký", "Nhật ký truy cập");
        assertThat(provinceWeb.postForm("/privacy/retention/rules/GUIDANCE_NAME", Map.of("_csrf", Http.csrf(adminPage),
                "days", "100")).body()).contains("không được ngắn hơn 365 ngày");
        // a second run finds nothing more to do
        assertThat(http.post("/api/v1/privacy/retention/runs", admin, null).json().get("changed").get("GUIDANCE_NAME").asInt())
                .isZero();
    }

    @Test
    void theProvinceLogsASuspectedBreachAndSeesWhatIsOverdue() {
        String admin = token("province-admin");
        long province = unit("66");
        java.time.Instant now = java.time.Instant.now();
        refused(http.post("/api/v1/privacy/breaches", admin, World.map("unitId", province, "description", "Lộ danh sách",
                "foundAt", now.plusSeconds(86_400).toString(), "affected", "30 người")), 400, "(foundAt)");
        refused(http.post("/api/v1/privacy/breaches", admin, World.map("unitId", province, "description", "Lộ danh sách",
                "foundAt", now.toString())), 400, "(affected)");
        assertThat(http.post("/api/v1/privacy/breaches", token("commune-officer"), World.map("unitId", unit("24133"),
                "description", "x", "foundAt", now.toString(), "affected", "1")).status()).isEqualTo(403);
        // found four days ago and not yet notified: overdue; found an hour ago: not yet
        Http.Response old = http.post("/api/v1/privacy/breaches", admin, World.map("unitId", province,
                "description", "Tệp nhập dữ liệu gửi nhầm thư điện tử", "foundAt", now.minusSeconds(4 * 86_400).toString(),
                "affected", "Người dân phường Buôn Ma Thuột, khoảng 200 người", "actions", "Đề nghị người nhận xóa tệp"));
        assertThat(old.status()).as(old.body()).isEqualTo(200);
        assertThat(old.json().get("overdue").asBoolean()).isTrue();
        Http.Response fresh = http.post("/api/v1/privacy/breaches", admin, World.map("unitId", province,
                "description", "Máy tính xách tay bị mất", "foundAt", now.minusSeconds(3600).toString(), "affected", "Không rõ"));
        assertThat(fresh.json().get("overdue").asBoolean()).isFalse();
        long id = fresh.json().get("id").asLong();
        refused(http.put("/api/v1/privacy/breaches/" + id, admin, World.map("notifiedAt",
                now.minusSeconds(7200).toString())), 400, "(notifiedAt)");
        JsonNode notified = http.put("/api/v1/privacy/breaches/" + id, admin, World.map("notifiedAt", now.toString(),
                "actions", "Đã báo Bộ Công an")).json();
        assertThat(notified.get("overdue").asBoolean()).isFalse();
        assertThat(notified.get("actions").asText()).isEqualTo("Đã báo Bộ Công an");
        assertThat(http.get("/api/v1/privacy/breaches", admin).body()).contains("Tệp nhập dữ liệu gửi nhầm", "Máy tính xách tay");
        assertThat(http.get("/api/v1/privacy/breaches", token("lamdong-admin")).body()).doesNotContain("Máy tính xách tay");
    }

    private static Map<String, Object> notice(long unitId, String title) {
        return World.map("unitId", unitId, "title", title,
                "body", "Nền tảng xử lý họ tên, ngày sinh, nơi ở và kết quả học tập của bạn để thực hiện kế hoạch.\n"
                        + "Dữ liệu được lưu trong thời hạn luật định. Bạn có quyền xem, sửa và rút lại đồng ý.",
                "contact", "Người phụ trách bảo vệ dữ liệu: Sở KH&CN Đắk Lắk, dpo@daklak.gov.vn");
    }

    private static JsonNode consent(JsonNode mine, String purpose) {
        for (JsonNode c : mine.get("consents")) {
            if (c.get("purpose").asText().equals(purpose)) {
                return c;
            }
        }
        throw new AssertionError("no consent " + purpose + " in " + mine);
    }

    private static String cells(byte[] xlsx) {
        StringBuilder out = new StringBuilder();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : book) {
                sheet.forEach(row -> row.forEach(cell -> out.append(cell.toString()).append('|')));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void refused(Http.Response r, int status, String detail) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("detail").asText()).contains(detail);
    }
}

package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.binhdan.monitoring.Rollups;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * The community team's guidance log: a team with its members, entries from the phone recorded
 * once however often they are sent, refused with the reason when wrong, and counted up the tree
 * the same way the recompute counts them from the rows.
 */
public abstract class CommunityScenarios extends EndToEnd {

    @Autowired
    Rollups rollups;

    @BeforeAll
    void people() {
        SystemUser.run(SystemUser.SYSTEM, () -> {
            if (jdbc.sql("SELECT COUNT(*) FROM person WHERE full_name = 'Lò Thị Mai'").query(Long.class).single() == 0) {
                World.expectDone(imports.runNow("PERSON", "community-people.csv", World.fixture("community-people.csv"), null));
            }
        });
    }

    static Map<String, Object> entry(String clientId, LocalDate on, int minutes, List<Map<String, Object>> people) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("clientId", clientId);
        e.put("givenOn", on.toString());
        e.put("place", "HOME");
        e.put("minutes", minutes);
        e.put("outcome", "DONE");
        e.put("topics", List.of("VNEID", "SCAM_AWARENESS"));
        e.put("people", people);
        return e;
    }

    static Map<String, Object> named(String name, Integer year) {
        Map<String, Object> p = new HashMap<>();
        p.put("fullName", name);
        p.put("birthYear", year);
        return p;
    }

    private Map<String, Long> tally(String metric, String... codes) {
        rollups.drain();
        Map<Long, String> byId = new HashMap<>();
        for (String c : codes) {
            byId.put(unit(c), c);
        }
        Map<Long, Map<String, Long>> totals = rollups.totals(metric, byId.keySet());
        Map<String, Long> out = new HashMap<>();
        byId.forEach((id, code) -> out.put(code, totals.getOrDefault(id, Map.of()).getOrDefault("ALL", 0L)));
        return out;
    }

    /** The platform's day, which is Vietnam's whatever zone the build machine is in. */
    static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aTeamRecordsGuidanceThatCountsOnceUpTheTree() {
        String officer = token("commune-officer");
        String member = token("team-member");
        String admin = token("province-admin");
        JsonNode team = http.post("/api/v1/teams", officer, Map.of("unitId", unit("24133.02"), "name",
                "Tổ công nghệ số cộng đồng TDP 2", "kind", "VILLAGE", "phone", "0912 345 678")).json();
        long teamId = team.get("id").asLong();
        assertThat(team.get("phone").asText()).isEqualTo("0912345678");
        JsonNode members = http.post("/api/v1/teams/" + teamId + "/members", officer,
                Map.of("personId", person("Đinh Văn Tám"), "leader", true)).json();
        assertThat(members.get(0).get("fullName").asText()).isEqualTo("Đinh Văn Tám");
        assertThat(members.get(0).get("leader").asBoolean()).isTrue();
        // a person of another commune cannot be added, and the refusal does not say who it was
        Http.Response foreign = http.post("/api/v1/teams/" + teamId + "/members", officer,
                Map.of("personId", person("Ksor H'Nhi")));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body()).doesNotContain("Ksor", "H'Nhi");
        assertThat(http.post("/api/v1/teams/" + teamId + "/members", officer, Map.of("personId", 987_654_321L))
                .json().get("detail").asText()).isEqualTo(foreign.json().get("detail").asText());

        Map<String, Long> sessionsBefore = tally("GUIDANCE_SESSIONS", "66", "24133", "24133.02", "24133.01");
        Map<String, Long> peopleBefore = tally("PERSONS_GUIDED", "66", "24133", "24133.02");

        // the commune officer records at the team's village; the phone sends the same entry twice
        Map<String, Object> first = entry(id(), today().minusDays(1), 20, List.of(named("Dinh van tam", 1970)));
        first.put("unitId", unit("24133.02"));
        Http.Response created = http.post("/api/v1/guidance", officer, first);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("RECORDED");
        Http.Response again = http.post("/api/v1/guidance", officer, first);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("ALREADY_RECORDED");
        assertThat(again.json().get("sessionId").asLong()).isEqualTo(created.json().get("sessionId").asLong());

        // a queue from the phone: the first entry once more, a batch session, a typing slip
        Map<String, Object> batch = entry(id(), today(), 45,
                List.of(named("Đinh Văn Tám", 1970), named("Người Chưa Có Tên", 1949)));
        batch.put("unitId", unit("24133.02"));
        Map<String, Object> slip = entry(id(), today(), 900, List.of(named("Đinh Văn Tám", 1970)));
        JsonNode sync = http.post("/api/v1/guidance/sync", officer, Map.of("entries", List.of(first, batch, slip))).json();
        assertThat(sync.get("recorded").asInt()).isEqualTo(1);
        assertThat(sync.get("alreadyRecorded").asInt()).isEqualTo(1);
        assertThat(sync.get("rejected").asInt()).isEqualTo(1);
        assertThat(sync.get("results").get(2).get("message").asText()).isEqualTo("Thời gian phải từ 1 đến 480 phút.");

        Map<String, Long> sessions = tally("GUIDANCE_SESSIONS", "66", "24133", "24133.02", "24133.01");
        assertThat(sessions.get("24133.02") - sessionsBefore.get("24133.02")).isEqualTo(2);
        assertThat(sessions.get("24133") - sessionsBefore.get("24133")).isEqualTo(2);
        assertThat(sessions.get("66") - sessionsBefore.get("66")).isEqualTo(2);
        assertThat(sessions.get("24133.01")).as("a village beside it").isEqualTo(sessionsBefore.get("24133.01"));
        Map<String, Long> helped = tally("PERSONS_GUIDED", "66", "24133", "24133.02");
        assertThat(helped.get("24133.02") - peopleBefore.get("24133.02")).isEqualTo(3);

        // the team's page: this month's work and who was helped, matched to the registry where possible
        JsonNode page = http.get("/api/v1/teams/" + teamId, officer).json();
        long thisMonth = today().minusDays(1).getMonth() == today().getMonth() ? 2 : 1;
        assertThat(page.get("activity").get("sessions").asLong()).isEqualTo(thisMonth);
        JsonNode log = http.get("/api/v1/guidance?unitId=" + unit("24133.02"), officer).json();
        JsonNode batchSession = log.get(0);
        assertThat(batchSession.get("minutes").asInt()).isEqualTo(45);
        assertThat(batchSession.get("people").get(0).get("personId").asLong()).isEqualTo(person("Đinh Văn Tám"));
        assertThat(batchSession.get("people").get(1).has("personId")).as("not in the registry").isFalse();
        assertThat(batchSession.get("teamId").asLong()).as("the village's only team").isEqualTo(teamId);

        // the one not in the registry is listed for the ward to register
        JsonNode unregistered = http.get("/api/v1/guidance/unregistered?unitId=" + unit("24133.02"), officer).json();
        assertThat(unregistered.toString()).contains("Người Chưa Có Tên").doesNotContain("Đinh Văn Tám");

        // the other commune's officer sees none of it
        assertThat(http.get("/api/v1/teams/" + teamId, token("other-officer")).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/guidance?unitId=" + unit("24133.02"), token("other-officer")).status())
                .isEqualTo(403);

        // withdrawing takes the counts back, and the phone sending it once more brings nothing back
        long withdrawn = created.json().get("sessionId").asLong();
        assertThat(http.delete("/api/v1/guidance/" + withdrawn, member).status()).as("not the recorder's entry")
                .isEqualTo(403);
        assertThat(http.delete("/api/v1/guidance/" + withdrawn, officer).status()).isEqualTo(204);
        assertThat(http.post("/api/v1/guidance", officer, first).json().get("status").asText())
                .isEqualTo("ALREADY_RECORDED");
        assertThat(tally("GUIDANCE_SESSIONS", "24133.02").get("24133.02") - sessionsBefore.get("24133.02"))
                .isEqualTo(1);

        JsonNode check = http.post("/api/v1/monitoring/check", admin, Map.of()).json();
        assertThat(check.get("differences").asInt()).as(check.toString()).isZero();
    }

    @Test
    void wrongEntriesAreRefusedWithTheReason() {
        String member = token("team-member");
        Map<String, Object> future = entry(id(), today().plusDays(1), 15, List.of(named("Lò Thị Mai", 1958)));
        Http.Response r = http.post("/api/v1/guidance", member, future);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).isEqualTo("Ngày hướng dẫn không được ở tương lai.");

        Map<String, Object> noTopic = entry(id(), today(), 15, List.of(named("Lò Thị Mai", 1958)));
        noTopic.put("topics", List.of());
        assertThat(http.post("/api/v1/guidance", member, noTopic).json().get("detail").asText())
                .isEqualTo("Hãy chọn ít nhất một nội dung hướng dẫn.");

        // someone from outside the member's village, by registry id: refused the same way as an id
        // that does not exist, naming nobody, whether or not marked as a visitor
        Map<String, Object> byId = new HashMap<>();
        byId.put("personId", person("Ksor H'Nhi"));
        r = http.post("/api/v1/guidance", member, entry(id(), today(), 15, List.of(byId)));
        assertThat(r.status()).isEqualTo(400);
        String refusal = r.json().get("detail").asText();
        assertThat(refusal).startsWith("Không tìm thấy người này trên địa bàn của bạn");
        assertThat(r.body()).doesNotContain("Ksor", "Nhi");
        byId.put("visitor", true);
        r = http.post("/api/v1/guidance", member, entry(id(), today(), 15, List.of(byId)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("Ksor", "Nhi");
        Map<String, Object> noSuchId = new HashMap<>();
        noSuchId.put("personId", 987_654_321L);
        assertThat(http.post("/api/v1/guidance", member, entry(id(), today(), 15, List.of(noSuchId))).json()
                .get("detail").asText()).isEqualTo(refusal);
        // a visitor is written by name, and marked so
        Map<String, Object> visitor = named("Rơ Châm Khách", 1965);
        visitor.put("visitor", true);
        r = http.post("/api/v1/guidance", member, entry(id(), today(), 15, List.of(visitor)));
        assertThat(r.status()).isEqualTo(201);
        JsonNode mine = http.get("/api/v1/guidance?mine=true", member).json();
        assertThat(mine.get(0).get("people").get(0).get("visitor").asBoolean()).isTrue();
        assertThat(mine.get(0).get("unitName").asText()).isEqualTo("Tổ dân phố 1");

        // a unit the member does not work in
        Map<String, Object> elsewhere = entry(id(), today(), 15, List.of(named("Lò Thị Mai", 1958)));
        elsewhere.put("unitId", unit("24175.01"));
        assertThat(http.post("/api/v1/guidance", member, elsewhere).status()).isEqualTo(403);
        // a phone app asking for a format the API does not give is told so, not shown a server error
        try {
            var csv = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(http.base() + "/api/v1/guidance/topics"))
                    .header("Authorization", "Bearer " + member).header("Accept", "text/csv").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(csv.statusCode()).isEqualTo(406);
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        // a learner records nothing
        assertThat(http.post("/api/v1/guidance", token("learner"),
                entry(id(), today(), 15, List.of(named("Lò Thị Mai", 1958)))).status()).isEqualTo(403);
    }

    @Test
    void aPhonesWholeQueueSyncsOnceInOneRequest() {
        String member = token("team-member");
        List<Map<String, Object>> queue = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            queue.add(entry(id(), today().minusDays(i % 20), 10 + i % 30,
                    List.of(i % 2 == 0 ? named("Lò Thị Mai", 1958) : named("Vi Văn Kha", 1990))));
        }
        long before = tally("GUIDANCE_SESSIONS", "24133.01").get("24133.01");
        JsonNode first = http.post("/api/v1/guidance/sync", member, Map.of("entries", queue)).json();
        assertThat(first.get("recorded").asInt()).isEqualTo(500);
        // the reply was lost: the phone sends the whole queue again
        JsonNode second = http.post("/api/v1/guidance/sync", member, Map.of("entries", queue)).json();
        assertThat(second.get("alreadyRecorded").asInt()).isEqualTo(500);
        assertThat(tally("GUIDANCE_SESSIONS", "24133.01").get("24133.01") - before).isEqualTo(500);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM guidance_person gp JOIN guidance_session s ON s.id = gp.session_id
                WHERE s.recorded_by = 'team-member' AND gp.person_id IS NULL AND s.deleted_at IS NULL
                  AND gp.full_name IN ('Lò Thị Mai', 'Vi Văn Kha')""").query(Long.class).single())
                .as("every name matched to its registry person").isZero();
    }
}

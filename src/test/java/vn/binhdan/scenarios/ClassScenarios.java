package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.binhdan.monitoring.Rollups;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * Classes, attendance, outreach and events through HTTP: a class counts once when its first
 * session is held, each learner once per session however often they scan, yesterday's code and
 * a forged one are refused, the attendees are enrolled in the class's course in one step, and the
 * monitoring totals show it all and agree with a recount from the rows.
 */
public abstract class ClassScenarios extends EndToEnd {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String LOP = "Đỗ Thị Lớp";
    static final String HOC = "Vũ Văn Học";

    @Autowired
    Rollups rollups;

    @BeforeAll
    void learners() {
        SystemUser.run(SystemUser.SYSTEM, () -> {
            if (jdbc.sql("SELECT COUNT(*) FROM person WHERE full_name = ?").param(LOP).query(Long.class).single() == 0) {
                World.expectDone(imports.runNow("PERSON", "class-learners.csv", World.fixture("class-learners.csv"), null));
            }
        });
        LearningScenarios.ensureAccount(accounts, "hoc-vien-lop", person(LOP), unit("24133.02"));
        LearningScenarios.ensureAccount(accounts, "hoc-vien-hoc", person(HOC), unit("24133.02"));
    }

    private Map<String, Long> totals(String metric, List<String> codes) {
        Map<Long, String> byId = new HashMap<>();
        codes.forEach(c -> byId.put(unit(c), c));
        Map<Long, Map<String, Long>> t = rollups.totals(metric, byId.keySet());
        Map<String, Long> out = new HashMap<>();
        byId.forEach((id, code) -> out.put(code, t.getOrDefault(id, Map.of()).getOrDefault("ALL", 0L)));
        return out;
    }

    private static Http.Response expect(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r;
    }

    private static String detail(Http.Response r) {
        return r.json().get("detail").asText();
    }

    private JsonNode createClass(String officer, String title, List<LocalDate> days) {
        List<Map<String, Object>> sessions = new ArrayList<>();
        days.forEach(d -> sessions.add(World.map("date", d.toString(), "startsAt", "08:00", "endsAt", "10:00")));
        return expect(http.post("/api/v1/classes", officer, World.map("unitId", unit("24133.02"), "title", title,
                "place", "Nhà văn hóa tổ dân phố 2", "teacherName", "Cô giáo Minh", "topics", "VNeID, dịch vụ công trực tuyến",
                "targetGroup", "ADULT", "sessions", sessions)), 201).json();
    }

    @Test
    void aClassCountsOnceItsLearnersOnceEachAndTheyAreEnrolledInItsCourse() {
        String officer = token("commune-officer");
        String admin = token("province-admin");
        List<String> path = List.of("66", "24133", "24133.02");
        Map<String, Long> heldBefore = totals("CLASSES_HELD", path);
        Map<String, Long> attendedBefore = totals("CLASS_ATTENDANCES", path);
        Map<String, Long> postsBefore = totals("OUTREACH_POSTS", path);
        Map<String, Long> visualBefore = totals("VISUAL_OUTREACH", path);
        Map<String, Long> participantsBefore = totals("EVENT_PARTICIPANTS", path);
        LocalDate today = LocalDate.now(VN);

        JsonNode created = createClass(officer, "Lớp kỹ năng số cho người cao tuổi",
                List.of(today.minusDays(1), today, today.plusDays(1)));
        assertThat(created.get("courseCode").asText()).isEqualTo(LearningScenarios.STARTER);
        long id = created.get("id").asLong();
        JsonNode sessions = created.get("sessions");
        long yesterday = sessions.get(0).get("id").asLong();
        long todays = sessions.get(1).get("id").asLong();
        long tomorrow = sessions.get(2).get("id").asLong();
        String classApi = "/api/v1/classes/" + id;

        // a session that has not come yet is not held
        assertThat(detail(expect(http.post(classApi + "/sessions/" + tomorrow + "/held", officer, null), 400)))
                .contains("chưa tới");
        expect(http.post(classApi + "/sessions/" + yesterday + "/held", officer, null), 200);
        expect(http.post(classApi + "/sessions/" + todays + "/held", officer, null), 200);
        assertThat(expect(http.get(classApi, officer), 200).json().get("countedOn").asText())
                .isEqualTo(today.minusDays(1).toString());

        // the learners scan today's code: once each, a second scan is "already"
        JsonNode code = expect(http.get(classApi + "/sessions/" + todays + "/checkin-code", officer), 200).json();
        assertThat(code.get("url").asText()).contains("/checkin?t=");
        assertThat(code.get("svg").asText()).startsWith("<svg");
        String lop = token("hoc-vien-lop");
        String hoc = token("hoc-vien-hoc");
        assertThat(expect(http.post("/api/v1/classes/checkin", lop, World.map("token", code.get("token").asText())), 200)
                .json().get("already").asBoolean()).isFalse();
        assertThat(expect(http.post("/api/v1/classes/checkin", lop, World.map("token", code.get("token").asText())), 200)
                .json().get("already").asBoolean()).isTrue();
        assertThat(expect(http.post("/api/v1/classes/checkin", hoc, World.map("token", code.get("token").asText())), 200)
                .json().get("already").asBoolean()).isFalse();

        // yesterday's code is refused today, and so is an altered one
        String old = expect(http.get(classApi + "/sessions/" + yesterday + "/checkin-code", officer), 200).json()
                .get("token").asText();
        assertThat(detail(expect(http.post("/api/v1/classes/checkin", hoc, World.map("token", old)), 400)))
                .contains("không dùng được hôm nay");
        String forged = old.replace("S." + yesterday + ".", "S." + todays + ".");
        assertThat(detail(expect(http.post("/api/v1/classes/checkin", hoc, World.map("token", forged)), 400)))
                .contains("không hợp lệ");
        // the teacher scans Học's personal code for yesterday's session: once
        String personal = expect(http.get("/api/v1/me/checkin-code", hoc), 200).json().get("token").asText();
        assertThat(expect(http.post(classApi + "/sessions/" + yesterday + "/attendance", officer,
                World.map("personToken", personal)), 200).json().get("already").asBoolean()).isFalse();
        assertThat(expect(http.post(classApi + "/sessions/" + yesterday + "/attendance", officer,
                World.map("personToken", personal)), 200).json().get("already").asBoolean()).isTrue();
        assertThat(expect(http.get(classApi + "/sessions/" + todays + "/attendance", officer), 200).json()).hasSize(2);

        // the other commune's officer cannot see or change the class
        String other = token("other-officer");
        assertThat(http.get(classApi, other).status()).isEqualTo(403);
        assertThat(http.post(classApi + "/sessions/" + yesterday + "/attendance", other,
                World.map("personToken", personal)).status()).isEqualTo(403);

        // every attendee enrolled in the starter course in one step; again, all "already"
        JsonNode enrolled = expect(http.post(classApi + "/enrolments", officer, null), 200).json();
        assertThat(enrolled.get("added").asInt()).isEqualTo(2);
        assertThat(enrolled.get("already").asInt()).isZero();
        JsonNode again = expect(http.post(classApi + "/enrolments", officer, null), 200).json();
        assertThat(again.get("added").asInt()).isZero();
        assertThat(again.get("already").asInt()).isEqualTo(2);
        assertThat(expect(http.get("/api/v1/me/courses", lop), 200).body()).contains(LearningScenarios.STARTER);

        // a second class, held and attended, then cancelled: it takes back all it counted
        JsonNode second = createClass(officer, "Lớp bị hủy", List.of(today));
        long secondId = second.get("id").asLong();
        long secondSession = second.get("sessions").get(0).get("id").asLong();
        expect(http.post("/api/v1/classes/" + secondId + "/sessions/" + secondSession + "/attendance", officer,
                World.map("personId", person(LOP))), 200);
        expect(http.delete("/api/v1/classes/" + secondId, officer), 200);
        assertThat(http.post("/api/v1/classes/" + secondId + "/sessions/" + secondSession + "/held", officer, null)
                .status()).isEqualTo(409);

        // outreach: two items count, a future date and a bad link are refused, a withdrawn item counts nothing
        long ward = unit("24133");
        expect(http.post("/api/v1/outreach", officer, World.map("unitId", ward, "publishedOn", today.toString(),
                "channel", "NEWS", "title", "Phường ra quân Bình dân học vụ số", "link", "https://buonmathuot.daklak.gov.vn/tin/1")), 201);
        expect(http.post("/api/v1/outreach", officer, World.map("unitId", ward, "publishedOn", today.toString(),
                "channel", "LOUDSPEAKER", "title", "Phát thanh hướng dẫn cài VNeID")), 201);
        assertThat(detail(expect(http.post("/api/v1/outreach", officer, World.map("unitId", ward, "publishedOn",
                today.plusDays(2).toString(), "channel", "NEWS", "title", "Tin ngày mai", "link", "https://a.vn/x")), 400)))
                .contains("chưa tới");
        assertThat(detail(expect(http.post("/api/v1/outreach", officer, World.map("unitId", ward, "publishedOn",
                today.toString(), "channel", "VIDEO", "title", "Video", "link", "javascript:alert(1)")), 400)))
                .contains("Đường dẫn không hợp lệ");
        long poster = expect(http.post("/api/v1/outreach", officer, World.map("unitId", unit("24133.02"), "publishedOn",
                today.toString(), "channel", "POSTER", "title", "Áp phích tại nhà văn hóa", "copies", 20)), 201)
                .json().get("id").asLong();
        expect(http.delete("/api/v1/outreach/" + poster, officer), 200);
        assertThat(http.post("/api/v1/outreach", other, World.map("unitId", ward, "publishedOn", today.toString(),
                "channel", "SMS", "title", "Tin nhắn")).status()).isEqualTo(403);
        JsonNode month = expect(http.get("/api/v1/outreach?unitId=" + ward + "&month=" + YearMonth.from(today), officer),
                200).json();
        // the news item is a post; the loudspeaker broadcast is outreach but not a "news item or video"
        assertThat(month.get("posts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(month.get("others").asInt()).isGreaterThanOrEqualTo(1);

        // the province's launch ceremony: the ward reports its participants, then corrects the figure
        long launch = expect(http.post("/api/v1/events", admin, World.map("kind", "LAUNCH", "title",
                "Lễ phát động trực tuyến", "heldOn", today.toString(), "unitId", unit("66"))), 201).json().get("id").asLong();
        expect(http.put("/api/v1/events/" + launch + "/participants/" + ward, officer, World.map("participants", 120)), 200);
        JsonNode event = expect(http.put("/api/v1/events/" + launch + "/participants/" + ward, officer,
                World.map("participants", 150)), 200).json();
        assertThat(event.get("participation").get(0).get("participants").asInt()).isEqualTo(150);
        assertThat(http.put("/api/v1/events/" + launch + "/participants/" + unit("24175"), officer,
                World.map("participants", 5)).status()).isEqualTo(403);

        rollups.drain();
        Map<String, Long> held = totals("CLASSES_HELD", path);
        Map<String, Long> attended = totals("CLASS_ATTENDANCES", path);
        Map<String, Long> posts = totals("OUTREACH_POSTS", path);
        Map<String, Long> visual = totals("VISUAL_OUTREACH", path);
        Map<String, Long> participants = totals("EVENT_PARTICIPANTS", path);
        for (String c : path) {
            assertThat(held.get(c)).as("classes held at " + c).isEqualTo(heldBefore.get(c) + 1);
            assertThat(attended.get(c)).as("attendances at " + c).isEqualTo(attendedBefore.get(c) + 3);
            assertThat(visual.get(c)).as("visual outreach at " + c).isEqualTo(visualBefore.get(c));
        }
        assertThat(posts.get("24133")).isEqualTo(postsBefore.get("24133") + 2);
        assertThat(posts.get("24133.02")).isEqualTo(postsBefore.get("24133.02"));
        assertThat(participants.get("24133")).isEqualTo(participantsBefore.get("24133") + 150);
        assertThat(participants.get("66")).isEqualTo(participantsBefore.get("66") + 150);

        JsonNode check = expect(http.post("/api/v1/monitoring/check", admin, Map.of()), 200).json();
        assertThat(check.get("differences").asInt()).as(check.toString()).isZero();
    }

    @Test
    void theTeachersPagesShowTheCodeAndTheLearnerChecksInFromThePageItOpens() {
        String officer = token("commune-officer");
        LocalDate today = LocalDate.now(VN);
        JsonNode created = createClass(officer, "Lớp học trên trang", List.of(today));
        long id = created.get("id").asLong();
        long session = created.get("sessions").get(0).get("id").asLong();

        Http teacher = new Http(port, true);
        teacher.formLogin("commune-officer", World.PASSWORD);
        String page = teacher.getHtml("/classes/" + id + "/sessions/" + session).body();
        assertThat(page).contains("<svg", "Mã QR điểm danh");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"([^\"]*/checkin\\?t=[^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String link = m.group(1).replace("&amp;", "&").replace("&#126;", "~");

        Http learner = new Http(port, true);
        learner.formLogin("hoc-vien-lop", World.PASSWORD);
        String confirm = learner.getHtml(link).body();
        assertThat(confirm).contains("Lớp học trên trang", "Điểm danh");
        String token = java.net.URLDecoder.decode(link.substring(link.indexOf("t=") + 2), java.nio.charset.StandardCharsets.UTF_8);
        String done = learner.postForm("/checkin", Map.of("_csrf", Http.csrf(confirm), "t", token)).body();
        assertThat(done).contains("Đã điểm danh Đỗ Thị Lớp");
        String twice = learner.postForm("/checkin", Map.of("_csrf", Http.csrf(confirm), "t", token)).body();
        assertThat(twice).contains("đã điểm danh buổi học này rồi");
        assertThat(learner.getHtml("/me/qr").body()).contains("<svg");
    }
}

package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.binhdan.identity.AccountService;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * Learning end to end over HTTP: the shipped framework and courses, enrolment by target group,
 * lessons opened in order, checks graded on the server, progress and its statements, course
 * packages in and out (and every bad package refused whole), and a framework version change.
 */
public abstract class LearningScenarios extends EndToEnd {

    static final String STARTER = "KNS-NGUOI-DAN";

    String admin;
    String officer;
    String learner;

    @BeforeAll
    void accounts() {
        admin = token("province-admin");
        officer = token("commune-officer");
        learner = token("learner");
    }

    @Test
    void theShippedFrameworkAndCoursesAreThere() {
        JsonNode framework = http.get("/api/v1/skills/frameworks/1.0", admin).json();
        assertThat(framework.get("areas")).hasSize(6);
        int competencies = 0;
        for (JsonNode a : framework.get("areas")) {
            competencies += a.get("competencies").size();
        }
        assertThat(competencies).isEqualTo(24);

        JsonNode catalogue = http.get("/api/v1/courses", learner).json();
        List<String> codes = new ArrayList<>();
        catalogue.forEach(c -> codes.add(c.get("code").asText()));
        assertThat(codes).contains(STARTER, "KNS-CAN-BO", "KNS-HOC-SINH", "KNS-NGUOI-LAO-DONG");
        JsonNode starter = http.get("/api/v1/courses/" + STARTER, learner).json();
        assertThat(starter.get("title").get("vi").asText()).isEqualTo("Kỹ năng số cơ bản cho người dân");
        int lessons = 0;
        for (JsonNode m : starter.get("modules")) {
            lessons += m.get("lessons").size();
        }
        assertThat(lessons).isGreaterThanOrEqualTo(8);
    }

    @Test
    void aLearnerStudiesInOrderAndTheChecksAreGradedOnTheServer() {
        assertThat(http.post("/api/v1/courses/" + STARTER + "/enrolment", learner, null).status()).isEqualTo(200);
        // enrolling twice changes nothing
        assertThat(http.post("/api/v1/courses/" + STARTER + "/enrolment", learner, null).status()).isEqualTo(200);
        List<String> lessons = lessonCodes(STARTER);
        String first = lessons.get(0);
        String second = lessons.get(1);

        // a lesson looked up ahead of the course's order opens, and says which lesson comes first
        Http.Response ahead = http.get(lesson(STARTER, second), learner);
        assertThat(ahead.status()).isEqualTo(200);
        assertThat(ahead.json().get("inCourseOrder").asText()).isEqualTo(first);

        Http.Response opened = http.get(lesson(STARTER, first), learner);
        assertThat(opened.status()).isEqualTo(200);
        JsonNode checks = opened.json().get("checks");
        assertThat(checks.size()).isGreaterThan(0);
        assertThat(opened.body()).as("the right answers never reach the learner before grading")
                .doesNotContain("\"correct\"", "explanation");

        List<List<Integer>> right = rightAnswers(STARTER, first);
        List<List<Integer>> wrong = new ArrayList<>();
        for (int i = 0; i < right.size(); i++) {
            int options = checks.get(i).get("options").size();
            wrong.add(List.of((right.get(i).getFirst() + 1) % options));
        }
        JsonNode failed = http.post(lesson(STARTER, first) + "/answers", learner, World.map("answers", wrong)).json();
        assertThat(failed.get("lessonCompleted").asBoolean()).isFalse();
        assertThat(failed.get("correct").asInt()).isZero();
        assertThat(http.get(lesson(STARTER, second), learner).json().get("inCourseOrder").asText()).isEqualTo(first);

        JsonNode passed = http.post(lesson(STARTER, first) + "/answers", learner, World.map("answers", right)).json();
        assertThat(passed.get("lessonCompleted").asBoolean()).isTrue();
        assertThat(passed.get("correct").asInt()).isEqualTo(right.size());
        // answering again after completing does not complete it twice
        http.post(lesson(STARTER, first) + "/answers", learner, World.map("answers", right));

        JsonNode mine = courseProgress(learner, STARTER);
        assertThat(mine.get("done").asInt()).isEqualTo(1);
        assertThat(mine.get("nextLesson").asText()).isEqualTo(second);
        assertThat(mine.get("competencies").size()).isGreaterThan(0);
        assertThat(http.get(lesson(STARTER, second), learner).json().get("inCourseOrder")).isNull();

        long personId = person("Nguyễn Văn An");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM learning_statement s JOIN course c ON c.id = s.course_id
                WHERE s.person_id = ? AND c.code = ? AND s.verb = 'completed' AND s.object_type = 'lesson'""")
                .params(personId, STARTER).query(Long.class).single()).isEqualTo(1);
        String statement = jdbc.sql("""
                SELECT s.statement FROM learning_statement s JOIN course c ON c.id = s.course_id
                WHERE s.person_id = ? AND c.code = ? AND s.verb = 'completed'""")
                .params(personId, STARTER).query(String.class).list().getFirst();
        JsonNode xapi = Http.JSON.readTree(statement);
        assertThat(xapi.get("verb").get("id").asText()).isEqualTo("http://adlnet.gov/expapi/verbs/completed");
        assertThat(xapi.get("actor").get("account").get("name").asText()).isEqualTo("person:" + personId);
        assertThat(xapi.get("object").get("id").asText()).endsWith(STARTER + "/" + first);
        assertThat(statement).doesNotContain("Nguyễn");

        JsonNode history = http.get("/api/v1/me/learning-history", learner).json();
        assertThat(history.toString()).contains("\"verb\":\"completed\"", "\"verb\":\"registered\"");
    }

    /**
     * What search and the assistant find, a person can read: a villager who never enrolled opens a
     * lesson straight from a search hit and is enrolled by that visit; a pupil reading an adults'
     * course lesson reads it, is told progress is not kept, and her answers are refused plainly.
     */
    @Test
    void aLessonFoundBySearchOpensForSomeoneWhoNeverEnrolled() {
        ensureAccount(accounts, "binh-tim", person("Trần Thị Bình"), unit("24175.01"));
        String binh = token("binh-tim");
        assertThat(http.get("/api/v1/me/courses", binh).json().toString()).doesNotContain(STARTER);
        JsonNode hits = http.get("/api/v1/search?q=" + java.net.URLEncoder.encode("mật khẩu mạnh",
                StandardCharsets.UTF_8), binh).json();
        String url = null;
        for (JsonNode h : hits.get("hits") == null ? hits : hits.get("hits")) {
            if (h.get("url").asText().startsWith("/learn/" + STARTER + "/")) {
                url = h.get("url").asText();
                break;
            }
        }
        assertThat(url).as(hits.toString()).isNotNull();
        String lessonCode = url.substring(url.lastIndexOf('/') + 1);
        JsonNode opened = http.get(lesson(STARTER, lessonCode), binh).json();
        assertThat(opened.get("enrolledNow").asBoolean()).isTrue();
        assertThat(opened.get("progressKept").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/me/courses", binh).json().toString()).contains(STARTER);
        // the second visit is an ordinary one
        assertThat(http.get(lesson(STARTER, lessonCode), binh).json().get("enrolledNow").asBoolean()).isFalse();

        ensureAccount(accounts, "khoi-doc", person("Nguyễn Minh Khôi"), unit("24133.01"));
        String khoi = token("khoi-doc");
        String first = lessonCodes("KNS-CAN-BO").getFirst();
        JsonNode read = http.get(lesson("KNS-CAN-BO", first), khoi).json();
        assertThat(read.get("progressKept").asBoolean()).isFalse();
        assertThat(read.get("body").asText()).isNotBlank();
        Http.Response answered = http.post(lesson("KNS-CAN-BO", first) + "/answers", khoi,
                World.map("answers", List.of(List.of(0))));
        assertThat(answered.status()).isEqualTo(400);
        assertThat(answered.json().get("detail").asText()).contains("dành cho nhóm đối tượng khác");
        assertThat(http.get("/api/v1/me/courses", khoi).json().toString()).doesNotContain("KNS-CAN-BO");
    }

    @Test
    void aCourseIsForItsTargetGroupsUnlessAnOfficerOverrides() {
        long pupil = person("Nguyễn Minh Khôi");
        Http.Response refused = http.post("/api/v1/courses/" + STARTER + "/enrolments", officer,
                World.map("personId", pupil));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("không thuộc nhóm đối tượng");
        Http.Response overridden = http.post("/api/v1/courses/" + STARTER + "/enrolments", officer,
                World.map("personId", pupil, "override", true));
        assertThat(overridden.status()).isEqualTo(200);
        assertThat(overridden.json().get("source").asText()).isEqualTo("OVERRIDE");
        assertThat(http.post("/api/v1/courses/KNS-HOC-SINH/enrolments", officer, World.map("personId", pupil))
                .json().get("source").asText()).isEqualTo("OFFICER");

        // a whole ward's adults at once, and again without duplicates
        JsonNode first = http.post("/api/v1/courses/" + STARTER + "/enrolments", officer,
                World.map("unitId", unit("24133"), "group", "ADULT")).json();
        assertThat(first.get("added").asInt() + first.get("already").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode again = http.post("/api/v1/courses/" + STARTER + "/enrolments", officer,
                World.map("unitId", unit("24133"), "group", "ADULT")).json();
        assertThat(again.get("added").asInt()).isZero();
        Http.Response wrongGroup = http.post("/api/v1/courses/KNS-CAN-BO/enrolments", officer,
                World.map("unitId", unit("24133"), "group", "STUDENT"));
        assertThat(wrongGroup.status()).isEqualTo(400);
        // outside the ward: refused
        assertThat(http.post("/api/v1/courses/" + STARTER + "/enrolments", officer,
                World.map("unitId", unit("24175"), "group", "ADULT")).status()).isEqualTo(403);
    }

    @Test
    void aCoursePackageTravelsBetweenProvincesAndBadPackagesLeaveNothingBehind() {
        Http.Response exported = http.get("/api/v1/courses/KNS-CAN-BO/package", admin);
        assertThat(exported.status()).isEqualTo(200);
        Map<String, byte[]> files = unzip(exported.bytes());
        assertThat(files).containsKey("manifest.json");
        ObjectNode manifest = (ObjectNode) Http.JSON.readTree(files.get("manifest.json"));
        assertThat(manifest.get("format").asText()).isEqualTo("binhdan-course");

        // the same course under a new code, with a script and an event handler slipped into a lesson
        manifest.put("code", "KNS-CAN-BO-LAM-DONG");
        String firstBody = manifest.get("modules").get(0).get("lessons").get(0).get("body").asText();
        files.put(firstBody, (new String(files.get(firstBody), StandardCharsets.UTF_8)
                + "<script>alert(1)</script><p onclick=\"steal()\">Thêm</p><a href=\"javascript:steal()\">x</a>")
                .getBytes(StandardCharsets.UTF_8));
        files.put("manifest.json", Http.JSON.writeValueAsBytes(manifest));
        long before = courses();
        Http.Response imported = http.upload("/api/v1/course-packages", admin, Map.of(), "c.zip", zip(files));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("status").asText()).isEqualTo("DRAFT");
        String body = jdbc.sql("""
                SELECT l.body FROM lesson l JOIN course c ON c.id = l.course_id
                WHERE c.code = 'KNS-CAN-BO-LAM-DONG' ORDER BY l.position LIMIT 1""").query(String.class).single();
        assertThat(body).contains("Thêm").doesNotContain("<script", "onclick", "javascript:");
        assertThat(courses()).isEqualTo(before + 1);
        // a draft is invisible to learners
        assertThat(http.get("/api/v1/courses/KNS-CAN-BO-LAM-DONG", learner).status()).isEqualTo(404);

        Map<String, byte[]> again = new LinkedHashMap<>(files);
        refused(again, "Đã có khóa học mã KNS-CAN-BO-LAM-DONG");

        Map<String, byte[]> traversal = new LinkedHashMap<>(files);
        manifest.put("code", "KNS-OTHER");
        traversal.put("manifest.json", Http.JSON.writeValueAsBytes(manifest));
        traversal.put("../../etc/evil.html", "x".getBytes(StandardCharsets.UTF_8));
        refused(traversal, "trỏ ra ngoài gói");

        Map<String, byte[]> noManifest = new LinkedHashMap<>(files);
        noManifest.remove("manifest.json");
        refused(noManifest, "thiếu tệp manifest.json");

        Map<String, byte[]> wrongVersion = new LinkedHashMap<>(files);
        ObjectNode v2 = manifest.deepCopy();
        v2.put("formatVersion", 2);
        wrongVersion.put("manifest.json", Http.JSON.writeValueAsBytes(v2));
        refused(wrongVersion, "phiên bản 2");

        Map<String, byte[]> video = new LinkedHashMap<>(files);
        video.put("manifest.json", Http.JSON.writeValueAsBytes(manifest));
        video.put("media/video.mp4", new byte[200 * 1024 * 1024]);
        refused(video, "lớn hơn 20 MB");

        Map<String, byte[]> missing = new LinkedHashMap<>(files);
        missing.put("manifest.json", Http.JSON.writeValueAsBytes(manifest));
        missing.remove(firstBody);
        refused(missing, "không có tệp này");

        Http.Response notZip = http.upload("/api/v1/course-packages", admin, Map.of(), "c.zip",
                "this is not a zip".getBytes(StandardCharsets.UTF_8));
        assertThat(notZip.status()).isEqualTo(400);
        assertThat(notZip.json().get("detail").asText()).contains("không phải tệp .zip");
        assertThat(courses()).isEqualTo(before + 1);
        assertThat(http.upload("/api/v1/course-packages", learner, Map.of(), "c.zip", zip(files)).status()).isEqualTo(403);
    }

    @Test
    void aPublishedCourseSurvivesAFrameworkVersionChange() {
        String learnerOfCivil = token("learner");
        http.post("/api/v1/courses/KNS-CAN-BO/enrolment", learnerOfCivil, null);
        String lessonCode = lessonCodes("KNS-CAN-BO").getFirst();
        http.get(lesson("KNS-CAN-BO", lessonCode), learnerOfCivil);
        List<List<Integer>> right = rightAnswers("KNS-CAN-BO", lessonCode);
        if (right.isEmpty()) {
            http.post(lesson("KNS-CAN-BO", lessonCode) + "/completion", learnerOfCivil, null);
        } else {
            http.post(lesson("KNS-CAN-BO", lessonCode) + "/answers", learnerOfCivil, World.map("answers", right));
        }
        JsonNode before = courseProgress(learnerOfCivil, "KNS-CAN-BO");
        assertThat(before.get("done").asInt()).isEqualTo(1);

        // version 2.0 renames a competency and drops the first one the course uses
        ObjectNode framework = (ObjectNode) http.get("/api/v1/skills/frameworks/1.0", admin).json();
        String used = before.get("competencies").get(0).get("code").asText();
        ObjectNode next = framework.deepCopy();
        next.put("version", "2.0");
        next.remove(List.of("current", "publishedAt", "publishedBy"));
        for (JsonNode area : next.get("areas")) {
            var list = (tools.jackson.databind.node.ArrayNode) area.get("competencies");
            for (int i = list.size() - 1; i >= 0; i--) {
                if (list.get(i).get("code").asText().equals(used)) {
                    list.remove(i);
                }
            }
        }
        ((ObjectNode) next.get("areas").get(5).get("competencies").get(0).get("title")).put("vi", "Tên mới trong bản 2.0");
        assertThat(http.post("/api/v1/skills/frameworks", officer, next).status()).isEqualTo(403);
        Http.Response published = http.post("/api/v1/skills/frameworks", admin, next);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(http.get("/api/v1/skills/frameworks/current", learnerOfCivil).json().get("version").asText())
                .isEqualTo("2.0");
        assertThat(http.post("/api/v1/skills/frameworks", admin, next).json().get("detail").asText())
                .contains("đã được công bố");

        // the course keeps its version: its lessons open, the progress and its competencies are intact
        JsonNode course = http.get("/api/v1/courses/KNS-CAN-BO", learnerOfCivil).json();
        assertThat(course.get("frameworkVersion").asText()).isEqualTo("1.0");
        assertThat(http.get(lesson("KNS-CAN-BO", lessonCode), learnerOfCivil).status()).isEqualTo(200);
        JsonNode after = courseProgress(learnerOfCivil, "KNS-CAN-BO");
        assertThat(after.get("done").asInt()).isEqualTo(1);
        assertThat(after.get("competencies").toString()).isEqualTo(before.get("competencies").toString());
        assertThat(http.get("/api/v1/skills/frameworks/1.0", admin).json().toString()).contains(used);
    }

    @Test
    void anAuthorWritesACourseInTheBrowserPreviewsItAndPublishesIt() {
        Http author = new Http(port, true);
        author.formLogin("province-admin", World.PASSWORD);
        String csrf = Http.csrf(author.getHtml("/author").body());
        Http.Response created = author.postForm("/author/courses", Map.of("_csrf", csrf, "code", "kns-thu",
                "titleVi", "Khóa học thử", "titleEn", "Trial course", "targetGroups", "ADULT", "sequential", "true"));
        assertThat(created.body()).contains("Khóa học thử", "Bản nháp");
        long courseId = jdbc.sql("SELECT id FROM course WHERE code = 'KNS-THU'").query(Long.class).single();
        long moduleId = jdbc.sql("SELECT id FROM course_module WHERE course_id = ?").param(courseId).query(Long.class).single();
        String lessons = "/author/courses/" + courseId + "/lessons";

        Http.Response noAlt = author.postForm(lessons, Map.of("_csrf", csrf, "module", Long.toString(moduleId),
                "code", "bai-mot", "titleVi", "Bài một", "body", "<p>Ảnh:</p><img src=\"media/a.png\">"));
        assertThat(noAlt.body()).contains("thiếu mô tả (alt)");
        Http.Response badChecks = author.postForm(lessons, Map.of("_csrf", csrf, "module", Long.toString(moduleId),
                "code", "bai-mot", "titleVi", "Bài một", "body", "<p>Nội dung</p>", "checks", "? Câu hỏi\n- Chỉ một lựa chọn"));
        assertThat(badChecks.body()).contains("Câu hỏi thứ 1 cần ít nhất 2 lựa chọn");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lesson WHERE course_id = ?").param(courseId).query(Long.class).single())
                .isZero();

        author.postForm(lessons, Map.of("_csrf", csrf, "module", Long.toString(moduleId), "code", "bai-mot",
                "titleVi", "Bài một", "competencies", "1.1",
                "body", "<h2>Mở đầu</h2><p onmouseover=\"x()\">Nội dung bài một.</p><script>x()</script>",
                "checks", "? Mã OTP có được đưa cho người khác không?\n- Có, nếu họ xưng là công an\n+ Không bao giờ\n> OTP chỉ dành cho bạn."));
        Http.Response preview = author.getHtml("/learn/KNS-THU/bai-mot?preview=true");
        assertThat(preview.body()).contains("Xem trước", "Nội dung bài một.", "Mã OTP có được đưa cho người khác không?")
                .doesNotContain("<script>x()", "onmouseover", "Không bao giờ\" checked");
        assertThat(http.get("/api/v1/courses/KNS-THU", learner).status()).isEqualTo(404);

        author.postForm("/author/courses/" + courseId + "/publish", Map.of("_csrf", csrf, "publish", "true"));
        assertThat(http.get("/api/v1/courses/KNS-THU", learner).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/courses/KNS-THU/enrolment", learner, null).status()).isEqualTo(200);
        JsonNode result = http.post(lesson("KNS-THU", "bai-mot") + "/answers", learner,
                World.map("answers", List.of(List.of(1)))).json();
        assertThat(result.get("lessonCompleted").asBoolean()).isTrue();
        assertThat(courseProgress(learner, "KNS-THU").get("completed").asBoolean()).isTrue();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM learning_statement s WHERE s.course_id = ? AND s.verb = 'completed' AND s.object_type = 'course'""")
                .param(courseId).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * The questions learners ask of a lesson's parts travel with the lesson, and a file whose lines
     * name no part of the lesson, or have no question, is refused with those lines' numbers.
     */
    @Test
    void aLessonsAskedQuestionsTravelWithItAndWrongLinesAreNamed() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.json", ("""
                {"format":"binhdan-course","formatVersion":1,"code":"KNS-HOI-DAP","language":"vi",
                 "title":{"vi":"Khóa màn hình"},"targetGroups":["ADULT"],"sequential":false,
                 "frameworkVersion":"1.0","modules":[{"title":{"vi":"Phần 1"},"lessons":[
                   {"code":"khoa-man-hinh","title":{"vi":"Khóa màn hình"},"minutes":5,"competencies":["1.1"],
                    "body":"lessons/01.html","asked":"lessons/01.asked.tsv","checks":[]}]}]}
                """).getBytes(StandardCharsets.UTF_8));
        files.put("lessons/01.html", "<p>Máy nên có khóa.</p><h2>1. Đặt mã khóa</h2><p>Vào Cài đặt, chọn Mật khẩu.</p>"
                .getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> wrong = new LinkedHashMap<>(files);
        wrong.put("lessons/01.asked.tsv", "# câu hỏi\n(mở đầu)\tsao phải khóa máy\n2. Mục không có\tđặt vân tay sao\n\n1. Đặt mã khóa\t\n"
                .getBytes(StandardCharsets.UTF_8));
        refused(wrong, "dòng 5");
        wrong.put("lessons/01.asked.tsv", "(mở đầu)\tsao phải khóa máy\n2. Mục không có\tđặt vân tay sao\n"
                .getBytes(StandardCharsets.UTF_8));
        refused(wrong, "\"2. Mục không có\"");
        refused(wrong, "dòng 2");

        files.put("lessons/01.asked.tsv", "(mở đầu)\tsao phải khóa máy\n1. Đặt mã khóa\tcài mật khẩu cho đt ở đâu\n"
                .getBytes(StandardCharsets.UTF_8));
        Http.Response imported = http.upload("/api/v1/course-packages", admin, Map.of(), "hoi.zip", zip(files));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        Map<String, byte[]> back = unzip(http.get("/api/v1/courses/KNS-HOI-DAP/package", admin).bytes());
        String manifest = new String(back.get("manifest.json"), StandardCharsets.UTF_8);
        assertThat(manifest).contains("\"asked\"");
        assertThat(back.entrySet().stream().filter(e -> e.getKey().endsWith(".asked.tsv"))
                .map(e -> new String(e.getValue(), StandardCharsets.UTF_8)).toList())
                .containsExactly("(mở đầu)\tsao phải khóa máy\n1. Đặt mã khóa\tcài mật khẩu cho đt ở đâu");
    }

    @Test
    void aLessonCanHaveAVersionInAMinorityLanguage() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.json", ("""
                {"format":"binhdan-course","formatVersion":1,"code":"KNS-EDE","language":"vi",
                 "title":{"vi":"Điện thoại an toàn","en":"Safe phones"},"targetGroups":["ADULT"],"sequential":false,
                 "frameworkVersion":"1.0","modules":[{"title":{"vi":"Phần 1"},"lessons":[
                   {"code":"khoa-man-hinh","title":{"vi":"Khóa màn hình"},"minutes":5,"competencies":["1.1"],
                    "body":"lessons/01.html","checks":[],
                    "translations":{"ede":{"title":"Bài hriăm (Ê Đê)","body":"lessons/ede/01.html"}}}]}]}
                """).getBytes(StandardCharsets.UTF_8));
        files.put("lessons/01.html", "<p>Đặt mật khẩu màn hình.</p>".getBytes(StandardCharsets.UTF_8));
        files.put("lessons/ede/01.html", "<p lang=\"ede\">Bản tiếng Ê Đê của bài.</p>".getBytes(StandardCharsets.UTF_8));
        Http.Response imported = http.upload("/api/v1/course-packages", admin, Map.of(), "ede.zip", zip(files));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        Map<String, byte[]> back = unzip(http.get("/api/v1/courses/KNS-EDE/package", admin).bytes());
        assertThat(new String(back.get("manifest.json"), StandardCharsets.UTF_8)).contains("\"ede\"", "Bài hriăm (Ê Đê)");
        assertThat(back.values().stream().map(b -> new String(b, StandardCharsets.UTF_8)))
                .anyMatch(t -> t.contains("Bản tiếng Ê Đê của bài."));
    }

    @Test
    void learnersShareARenderedLessonPageButEachGetsTheirOwnFormToken() {
        ensureAccount(accounts, "hoa", person("Nguyễn Thị Hoa"), unit("24133.01"));
        String course = "KNS-HOC-SINH";
        for (String name : List.of("Nguyễn Văn An", "Nguyễn Thị Hoa")) {
            http.post("/api/v1/courses/" + course + "/enrolments", officer, World.map("personId", person(name), "override", true));
        }
        String first = lessonCodes(course).getFirst();
        Http an = new Http(port, true);
        an.formLogin("learner", World.PASSWORD);
        Http hoa = new Http(port, true);
        hoa.formLogin("hoa", World.PASSWORD);
        String pageOfAn = an.getHtml("/learn/" + course + "/" + first).body();
        String pageOfHoa = hoa.getHtml("/learn/" + course + "/" + first).body();
        String tokenOfHoa = Http.csrf(pageOfHoa);
        assertThat(tokenOfHoa).isNotEqualTo(Http.csrf(pageOfAn));
        assertThat(pageOfHoa.replace(tokenOfHoa, "")).isEqualTo(pageOfAn.replace(Http.csrf(pageOfAn), ""));
        // the token in Hoa's page is hers: her answers are accepted and graded
        Http.Response answered = hoa.postForm("/learn/" + course + "/" + first + "/answers",
                Map.of("_csrf", tokenOfHoa, "q0", "0"));
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).contains("câu");
        assertThat(jdbc.sql("SELECT check_attempts FROM lesson_progress lp JOIN lesson l ON l.id = lp.lesson_id "
                        + "JOIN course c ON c.id = l.course_id WHERE c.code = ? AND l.code = ? AND lp.person_id = ?")
                .params(course, first, person("Nguyễn Thị Hoa")).query(Integer.class).single()).isEqualTo(1);
    }

    // --- helpers ---

    private void refused(Map<String, byte[]> files, String message) {
        long before = courses();
        Http.Response r = http.upload("/api/v1/course-packages", admin, Map.of(), "c.zip", zip(files));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains(message);
        assertThat(courses()).isEqualTo(before);
    }

    private long courses() {
        return jdbc.sql("SELECT COUNT(*) FROM course").query(Long.class).single();
    }

    static String lesson(String course, String lesson) {
        return "/api/v1/courses/" + course + "/lessons/" + lesson;
    }

    private JsonNode courseProgress(String token, String code) {
        for (JsonNode p : http.get("/api/v1/me/courses", token).json()) {
            if (p.get("course").asText().equals(code)) {
                return p;
            }
        }
        throw new AssertionError("not enrolled in " + code);
    }

    List<String> lessonCodes(String course) {
        return jdbc.sql("SELECT l.code FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.code = ? ORDER BY l.position")
                .param(course).query(String.class).list();
    }

    List<List<Integer>> rightAnswers(String course, String lesson) {
        String checks = jdbc.sql("""
                SELECT l.checks FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.code = ? AND l.code = ?""")
                .params(course, lesson).query(String.class).single();
        List<List<Integer>> right = new ArrayList<>();
        for (JsonNode c : Http.JSON.readTree(checks)) {
            List<Integer> r = new ArrayList<>();
            c.get("correct").forEach(i -> r.add(i.asInt()));
            right.add(r);
        }
        return right;
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> unzip(byte[] bytes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                files.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static void ensureAccount(AccountService accounts, String username, long personId, long unitId) {
        SystemUser.run(SystemUser.SYSTEM, () -> {
            if (!accounts.exists(username)) {
                accounts.create(username, username, World.PASSWORD, personId,
                        List.of(new AccountService.GrantSpec(Role.LEARNER, unitId)));
            }
        });
    }
}

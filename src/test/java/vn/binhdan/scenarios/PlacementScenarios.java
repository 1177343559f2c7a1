package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * The personal learning path over HTTP: a learner answers the adaptive placement check right in
 * some areas of the framework and wrong in the others; the path then skips the lessons of what
 * they master and leads to a weak competency; completing a lesson raises its competencies'
 * mastery; no response carries a right answer; officers see their own unit only.
 */
public abstract class PlacementScenarios extends EndToEnd {

    static final String COURSE = LearningScenarios.STARTER;
    /** Areas of the framework (phone and information; safety) the learner knows well. */
    static final Set<String> STRONG_AREAS = Set.of("1", "4");

    String learner;
    String admin;
    Map<String, JsonNode> bank;

    @BeforeAll
    void learners() {
        if (jdbc.sql("SELECT COUNT(*) FROM person WHERE full_name = 'Đinh Văn Lộ Trình'").query(Long.class).single() == 0) {
            vn.binhdan.shared.SystemUser.run(vn.binhdan.shared.SystemUser.SYSTEM, () -> World.expectDone(
                    imports.runNow("PERSON", "path-learners.csv", World.fixture("path-learners.csv"), null)));
        }
        LearningScenarios.ensureAccount(accounts, "lo-trinh", person("Đinh Văn Lộ Trình"), unit("24133.02"));
        learner = token("lo-trinh");
        admin = token("province-admin");
        bank = new HashMap<>();
        for (JsonNode q : http.get("/api/v1/questions?group=ADULT", admin).json()) {
            bank.put(q.get("code").asText(), q);
        }
    }

    static String area(String competency) {
        return competency.substring(0, competency.indexOf('.'));
    }

    @Test
    void thePlacementCheckShapesThePathAndLessonsMoveMastery() {
        Http.Response started = http.post("/api/v1/me/placement", learner, null);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        noAnswerIn(started);
        JsonNode check = started.json();
        long id = check.get("id").asLong();
        assertThat(check.get("targetGroup").asText()).isEqualTo("ADULT");
        // starting again resumes the same check
        assertThat(http.post("/api/v1/me/placement", learner, null).json().get("id").asLong()).isEqualTo(id);

        Set<String> asked = new java.util.HashSet<>();
        int answered = 0;
        while (!check.get("finished").asBoolean()) {
            JsonNode q = check.get("question");
            String code = q.get("code").asText();
            assertThat(asked.add(code)).as("a question is asked once").isTrue();
            JsonNode withAnswer = bank.get(code);
            List<Integer> right = new ArrayList<>();
            withAnswer.get("answer").forEach(i -> right.add(i.asInt()));
            List<Integer> chosen = STRONG_AREAS.contains(area(q.get("competency").asText())) ? right : wrong(withAnswer, right);
            Http.Response r = http.post("/api/v1/me/placement/" + id + "/answers", learner,
                    World.map("question", code, "answer", chosen));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            noAnswerIn(r);
            check = r.json();
            answered++;
            assertThat(check.get("asked").asInt()).isEqualTo(answered);
        }
        assertThat(answered).isBetween(5, check.get("cap").asInt());
        // the same answer sent again after the end is refused, not counted
        assertThat(http.post("/api/v1/me/placement/" + id + "/answers", learner,
                World.map("answer", List.of(0))).status()).isEqualTo(409);

        Map<String, String> level = new HashMap<>();
        check.get("estimates").forEach(e -> level.put(e.get("competency").asText(), e.get("level").asText()));
        level.forEach((c, l) -> {
            if (l.equals("MASTERED")) {
                assertThat(STRONG_AREAS).as("mastered " + c).contains(area(c));
            }
            if (l.equals("NOT_YET")) {
                assertThat(STRONG_AREAS).as("not yet " + c).doesNotContain(area(c));
            }
        });

        Http.Response pathResponse = http.get("/api/v1/me/path", learner);
        noAnswerIn(pathResponse);
        JsonNode path = pathResponse.json();
        assertThat(path.get("placed").asBoolean()).isTrue();
        List<String> skipped = new ArrayList<>();
        for (JsonNode s : path.get("steps")) {
            List<String> comps = new ArrayList<>();
            s.get("competencies").forEach(c -> comps.add(c.asText()));
            if (s.get("status").asText().equals("SKIP")) {
                skipped.add(s.get("lessonCode").asText());
                comps.forEach(c -> assertThat(level.get(c)).as(c).isEqualTo("MASTERED"));
            }
        }
        // the password lesson teaches 4.2 alone; other tests of the shared database may move some of
        // the bank's questions to a later framework version, so a competency left without questions
        // is not assessed, and its lessons stay on the path
        assertThat(skipped).as("the password lesson is known already").contains("mat-khau-du-lieu-ca-nhan");
        JsonNode next = path.get("next");
        assertThat(next.get("courseCode").asText()).isEqualTo(COURSE);
        List<String> nextComps = new ArrayList<>();
        next.get("competencies").forEach(c -> nextComps.add(c.asText()));
        assertThat(nextComps).as("the next lesson teaches a competency not mastered")
                .anyMatch(c -> !"MASTERED".equals(level.get(c)));
        if (nextComps.stream().allMatch(level::containsKey)) {
            assertThat(nextComps).as("and of the assessed ones, a weak one")
                    .anyMatch(c -> !STRONG_AREAS.contains(area(c)));
        }

        // completing that lesson raises the mastery of what it teaches
        String lesson = next.get("lessonCode").asText();
        String weak = nextComps.stream().filter(c -> !"MASTERED".equals(level.get(c))).findFirst().orElseThrow();
        int before = percent(path, weak);
        assertThat(http.post("/api/v1/courses/" + COURSE + "/enrolment", learner, null).status()).isEqualTo(200);
        Http.Response opened = http.get(LearningScenarios.lesson(COURSE, lesson), learner);
        assertThat(opened.status()).as("a skipped lesson does not lock the next one: " + opened.body()).isEqualTo(200);
        complete(lesson);
        JsonNode after = http.get("/api/v1/me/path", learner).json();
        assertThat(percent(after, weak)).isGreaterThan(before);
        for (JsonNode s : after.get("steps")) {
            if (s.get("lessonCode").asText().equals(lesson)) {
                assertThat(s.get("status").asText()).isEqualTo("DONE");
            }
        }
        assertThat(after.get("next").get("lessonCode").asText()).isNotEqualTo(lesson);

        // another learner cannot see or answer this check
        LearningScenarios.ensureAccount(accounts, "lo-trinh-2", person("Đinh Thị Lộ Trình Hai"), unit("24133.02"));
        String other = token("lo-trinh-2");
        assertThat(http.get("/api/v1/me/placement/" + id, other).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/me/placement/" + id + "/answers", other, World.map("answer", List.of(0))).status())
                .isEqualTo(404);

        // the learner's ward officer sees the ward's competencies, weakest first; the neighbouring commune's officer does not
        Http.Response unit = http.get("/api/v1/units/" + unit("24133") + "/competency-mastery", token("commune-officer"));
        assertThat(unit.status()).as(unit.body()).isEqualTo(200);
        JsonNode rows = unit.json().get("competencies");
        assertThat(rows.size()).isGreaterThan(0);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).get("meanPercent").asInt()).isGreaterThanOrEqualTo(rows.get(i - 1).get("meanPercent").asInt());
        }
        List<String> order = new ArrayList<>();
        rows.forEach(r -> order.add(r.get("competency").asText()));
        String notYet = level.entrySet().stream().filter(e -> e.getValue().equals("NOT_YET")).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        assertThat(order.indexOf(notYet)).as("a competency the learner lacks ranks weaker than one they master")
                .isLessThan(order.indexOf("4.2"));
        noAnswerIn(unit);
        Http.Response neighbour = http.get("/api/v1/units/" + unit("24133") + "/competency-mastery", token("other-officer"));
        assertThat(neighbour.status()).isEqualTo(403);
        assertThat(http.get("/api/v1/units/" + unit("24175") + "/competency-mastery", token("commune-officer")).status())
                .isEqualTo(403);
        // Hòa Phú's own view holds none of this ward's learners
        JsonNode hoaPhu = http.get("/api/v1/units/" + unit("24175") + "/competency-mastery", token("other-officer")).json();
        int ours = jdbc.sql("""
                SELECT COUNT(DISTINCT m.person_id) FROM competency_mastery m JOIN person p ON p.id = m.person_id
                JOIN unit u ON u.id = p.residence_unit_id WHERE u.path LIKE ?""")
                .param(jdbc.sql("SELECT path FROM unit WHERE code = '24175'").query(String.class).single() + "%")
                .query(Integer.class).single();
        hoaPhu.get("competencies").forEach(r -> assertThat(r.get("learners").asInt()).isLessThanOrEqualTo(ours));

        // the pages render for the learner and the officer
        Http browser = new Http(port, true);
        browser.formLogin("lo-trinh", World.PASSWORD);
        String page = browser.getHtml("/learn/path").body();
        assertThat(page).contains("Bài nên học tiếp", "Bỏ qua (đã thành thạo)");
        assertThat(browser.getHtml("/learn/placement/" + id).body()).contains("Xong bài kiểm tra");
        assertThat(browser.getHtml("/learn").body()).contains("/learn/path");
        Http officer = new Http(port, true);
        officer.formLogin("commune-officer", World.PASSWORD);
        assertThat(officer.getHtml("/units/" + unit("24133") + "/competencies").body()).contains("Mức thành thạo trung bình");
    }

    @Test
    void thePlacementCheckThroughThePagesNeverShowsAnAnswer() {
        LearningScenarios.ensureAccount(accounts, "lo-trinh-2", person("Đinh Thị Lộ Trình Hai"), unit("24133.02"));
        Http browser = new Http(port, true);
        browser.formLogin("lo-trinh-2", World.PASSWORD);
        String csrf = Http.csrf(browser.getHtml("/learn/path").body());
        Http.Response first = browser.postForm("/learn/placement", Map.of("_csrf", csrf));
        assertThat(first.status()).isEqualTo(200);
        for (int i = 0; i < 3 && first.body().contains("name=\"question\""); i++) {
            String code = first.body().replaceAll("(?s).*name=\"question\" value=\"([^\"]+)\".*", "$1");
            assertThat(bank).containsKey(code);
            JsonNode q = bank.get(code);
            if (q.hasNonNull("explanation")) {
                assertThat(first.body()).doesNotContain(q.get("explanation").asText());
            }
            String url = first.body().replaceAll("(?s).*action=\"(/learn/placement/\\d+)\".*", "$1");
            first = browser.postForm(url, Map.of("_csrf", Http.csrf(first.body()), "question", code, "answer", "0"));
            assertThat(first.status()).isEqualTo(200);
        }
    }

    @Test
    void aCivilServantChoosesWhichProgrammeThePlacementCheckFollows() {
        LearningScenarios.ensureAccount(accounts, "hai-nhom", person("Đinh Văn Hai Nhóm"), unit("24133.02"));
        Http browser = new Http(port, true);
        browser.formLogin("hai-nhom", World.PASSWORD);
        String page = browser.getHtml("/learn/path").body();
        assertThat(page).contains("Làm bài kiểm tra theo chương trình dành cho", "value=\"CIVIL_SERVANT\"",
                "value=\"ADULT\"", "Cán bộ, công chức, viên chức", "Người dân trưởng thành");
        Http.Response check = browser.postForm("/learn/placement", Map.of("_csrf", Http.csrf(page), "group", "ADULT"));
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body()).contains("Người dân trưởng thành");
        // the path page now offers the programme chosen last
        assertThat(browser.getHtml("/learn/path").body()).containsPattern("checked[^>]*value=\"ADULT\"|value=\"ADULT\"[^>]*checked");

        String t = token("hai-nhom");
        JsonNode civil = http.post("/api/v1/me/placement", t, World.map("targetGroup", "CIVIL_SERVANT")).json();
        assertThat(civil.get("targetGroup").asText()).isEqualTo("CIVIL_SERVANT");
        Http.Response notMine = http.post("/api/v1/me/placement", t, World.map("targetGroup", "STUDENT"));
        assertThat(notMine.status()).isEqualTo(400);
        assertThat(notMine.json().get("detail").asText()).contains("không thuộc", "Học sinh, sinh viên");
        // a learner in one group is not asked to choose
        LearningScenarios.ensureAccount(accounts, "lo-trinh", person("Đinh Văn Lộ Trình"), unit("24133.02"));
        Http single = new Http(port, true);
        single.formLogin("lo-trinh", World.PASSWORD);
        assertThat(single.getHtml("/learn/path").body()).doesNotContain("name=\"group\"");
    }

    @Test
    void theLearnersHomePageLeadsToTheNextLessonAndThePlacementCheck() {
        LearningScenarios.ensureAccount(accounts, "trang-chu", person("Đinh Thị Trang Chủ"), unit("24133.02"));
        Http browser = new Http(port, true);
        browser.formLogin("trang-chu", World.PASSWORD);
        String home = browser.getHtml("/").body();
        assertThat(home).contains("Lộ trình học của tôi", "Bài nên học tiếp", "Bắt đầu kiểm tra xếp lớp",
                "action=\"/assistant\"");
        String next = http.get("/api/v1/me/path", token("trang-chu")).json().get("next").get("lessonTitle").asText();
        assertThat(home).contains(next);
        // once the check is under way the home page offers to go on with it
        http.post("/api/v1/me/placement", token("trang-chu"), null);
        assertThat(browser.getHtml("/").body()).contains("Làm tiếp bài kiểm tra").doesNotContain("Bắt đầu kiểm tra xếp lớp");
        // an administrator's account with no registry record has no path to show
        Http admin = new Http(port, true);
        admin.formLogin("province-admin", World.PASSWORD);
        assertThat(admin.getHtml("/").body()).doesNotContain("Lộ trình học của tôi");
    }

    /**
     * A learner who studied the password lesson then takes the placement check answering as taught:
     * the check adds to what the lesson showed instead of starting her again from nothing, and the
     * exam she takes next asks none of the questions the check showed her minutes before.
     */
    @Test
    void thePlacementCheckKeepsWhatLessonsShowedAndTheExamAsksOtherQuestions() {
        LearningScenarios.ensureAccount(accounts, "tach-bach", person("Đinh Thị Tách Bạch"), unit("24133.02"));
        String t = token("tach-bach");
        String saved = learner;
        learner = t;
        try {
            assertThat(http.post("/api/v1/courses/" + COURSE + "/enrolment", t, null).status()).isEqualTo(200);
            complete("mat-khau-du-lieu-ca-nhan");
        } finally {
            learner = saved;
        }
        long personId = person("Đinh Thị Tách Bạch");
        // read where it is kept: other scenarios of this database may have published a later framework
        double afterLesson = jdbc.sql("SELECT MAX(mastery) FROM competency_mastery WHERE person_id = ? AND competency = '4.2'")
                .param(personId).query(Double.class).single();
        assertThat(afterLesson).isGreaterThan(0.5);

        JsonNode check = http.post("/api/v1/me/placement", t, null).json();
        long id = check.get("id").asLong();
        Set<String> shown = new java.util.HashSet<>();
        while (!check.get("finished").asBoolean()) {
            JsonNode q = check.get("question");
            shown.add(q.get("prompt").asText());
            List<Integer> right = new ArrayList<>();
            bank.get(q.get("code").asText()).get("answer").forEach(i -> right.add(i.asInt()));
            check = http.post("/api/v1/me/placement/" + id + "/answers", t,
                    World.map("question", q.get("code").asText(), "answer", right)).json();
        }
        double afterCheck = jdbc.sql("""
                SELECT m.mastery FROM competency_mastery m JOIN placement_check c
                  ON c.person_id = m.person_id AND c.framework_version = m.framework_version
                WHERE c.id = ? AND m.competency = '4.2'""").param(id).query(Double.class).single();
        assertThat(afterCheck).as("answering as taught never lowers what the lesson showed")
                .isGreaterThanOrEqualTo(afterLesson);

        Http.Response exam = http.post("/api/v1/me/exams/ADULT/attempts", t, null);
        assertThat(exam.status()).as(exam.body()).isEqualTo(201);
        List<String> repeated = new ArrayList<>();
        exam.json().get("items").forEach(i -> {
            if (shown.contains(i.get("prompt").asText())) {
                repeated.add(i.get("prompt").asText());
            }
        });
        assertThat(bank.size() - shown.size()).as("the bank has room for a fresh exam").isGreaterThan(48);
        assertThat(repeated).as("questions of the placement check asked again in the exam").isEmpty();
        http.post("/api/v1/me/exam-attempts/" + exam.json().get("attemptId").asText() + "/submit", t, null);
    }

    @Test
    void duringAnExamThePlacementCheckIsClosed() {
        LearningScenarios.ensureAccount(accounts, "lo-trinh-3", person("Đinh Văn Lộ Trình Ba"), unit("24133.02"));
        String t = token("lo-trinh-3");
        JsonNode check = http.post("/api/v1/me/placement", t, null).json();
        long id = check.get("id").asLong();
        Http.Response exam = http.post("/api/v1/me/exams/ADULT/attempts", t, null);
        assertThat(exam.status()).isEqualTo(201);
        String attempt = exam.json().get("attemptId").asText();
        Http.Response refused = http.post("/api/v1/me/placement", t, null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("bài thi");
        assertThat(http.get("/api/v1/me/placement/" + id, t).status()).isEqualTo(400);
        assertThat(http.post("/api/v1/me/placement/" + id + "/answers", t, World.map("question",
                check.get("question").get("code").asText(), "answer", List.of(0))).status()).isEqualTo(400);
        assertThat(http.post("/api/v1/me/exam-attempts/" + attempt + "/submit", t, null).status()).isEqualTo(200);
        JsonNode after = http.get("/api/v1/me/placement/" + id, t).json();
        assertThat(after.get("asked").asInt()).as("nothing was recorded while the exam ran").isZero();
    }

    private void complete(String lesson) {
        List<List<Integer>> right = new ArrayList<>();
        String checks = jdbc.sql("""
                SELECT l.checks FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.code = ? AND l.code = ?""")
                .params(COURSE, lesson).query(String.class).single();
        for (JsonNode c : Http.JSON.readTree(checks)) {
            List<Integer> r = new ArrayList<>();
            c.get("correct").forEach(i -> r.add(i.asInt()));
            right.add(r);
        }
        Http.Response r = right.isEmpty()
                ? http.post(LearningScenarios.lesson(COURSE, lesson) + "/completion", learner, null)
                : http.post(LearningScenarios.lesson(COURSE, lesson) + "/answers", learner, World.map("answers", right));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static int percent(JsonNode path, String competency) {
        for (JsonNode m : path.get("mastery")) {
            if (m.get("competency").asText().equals(competency)) {
                return m.get("percent").asInt();
            }
        }
        // no estimate yet: nothing is known
        return 0;
    }

    private static List<Integer> wrong(JsonNode q, List<Integer> right) {
        int options = q.get("options").size();
        int pick = 0;
        while (right.contains(pick) && pick < options - 1) {
            pick++;
        }
        return List.of(pick);
    }

    private static void noAnswerIn(Http.Response r) {
        assertThat(r.body()).doesNotContain("\"answer\"", "explanation", "\"correct\"", "timesCorrect", "timesUsed");
    }
}

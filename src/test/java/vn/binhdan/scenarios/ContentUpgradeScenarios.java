package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.binhdan.learning.CourseService;
import vn.binhdan.learning.CourseStatus;
import vn.binhdan.learning.internal.ShippedCourses;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * A province runs the previous release's courses; the next release improves a lesson and adds one.
 * Starting the new release brings the untouched course up to date in place (a learner's completed
 * lesson stays completed), does nothing the second time, and leaves a course the province edited
 * as the province made it, offering the release to an author lesson by lesson instead.
 */
abstract class ContentUpgradeScenarios extends EndToEnd {

    @Autowired
    CourseService courses;
    @Autowired
    PlatformTransactionManager transactions;

    /**
     * Two instances started together: the first installs a new course and has not committed yet
     * when the second looks. The second waits for the install lock, then finds the course and its
     * release recorded and installs nothing; without the lock it would insert the course again
     * (and fail on the code, stopping that instance's start).
     */
    @Test
    void twoInstancesStartingTogetherInstallACourseOnce() throws Exception {
        Map<String, byte[]> files = as(ShippedCourses.read().get(LearningScenarios.STARTER), "KNS-CUNG-LUC");
        ExecutorService secondInstance = Executors.newSingleThreadExecutor();
        try {
            List<Future<CourseService.ShippedOutcome>> second = new ArrayList<>();
            CourseService.ShippedOutcome first = new TransactionTemplate(transactions).execute(s -> {
                CourseService.ShippedOutcome outcome = install(files);
                second.add(secondInstance.submit(() -> install(files)));
                try {
                    // long enough for the second to reach the lock; it cannot pass it before we commit
                    second.getFirst().get(500, TimeUnit.MILLISECONDS);
                } catch (TimeoutException waiting) {
                    // as it should
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return outcome;
            });
            assertThat(first).isEqualTo(CourseService.ShippedOutcome.INSTALLED);
            assertThat(second.getFirst().get(30, TimeUnit.SECONDS)).isEqualTo(CourseService.ShippedOutcome.UNCHANGED);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM course WHERE code = 'KNS-CUNG-LUC'").query(Integer.class).single())
                    .isEqualTo(1);
        } finally {
            secondInstance.shutdownNow();
            if (courses.exists("KNS-CUNG-LUC")) {
                long id = jdbc.sql("SELECT id FROM course WHERE code = 'KNS-CUNG-LUC'").query(Long.class).single();
                SystemUser.call(SystemUser.SYSTEM, () -> courses.unpublish(id));
            }
        }
    }

    @Test
    void aNewReleaseReachesAnUntouchedCourseAndWaitsForAnEditedOne() throws Exception {
        try {
            upgrade();
        } finally {
            // the test course is a copy of the adults' course: withdrawn, it leaves other scenarios'
            // catalogue, paths and search as they were
            if (courses.exists("KNS-NANG-CAP")) {
                long id = jdbc.sql("SELECT id FROM course WHERE code = 'KNS-NANG-CAP'").query(Long.class).single();
                SystemUser.call(SystemUser.SYSTEM, () -> courses.unpublish(id));
            }
        }
    }

    private void upgrade() throws Exception {
        Map<String, byte[]> release2 = as(ShippedCourses.read().get(LearningScenarios.STARTER), "KNS-NANG-CAP");
        ObjectNode manifest = (ObjectNode) Http.JSON.readTree(release2.get("manifest.json"));
        ArrayNode lastModule = (ArrayNode) manifest.get("modules").get(manifest.get("modules").size() - 1).get("lessons");
        String addedCode = lastModule.get(lastModule.size() - 1).get("code").asText();
        String firstCode = manifest.get("modules").get(0).get("lessons").get(0).get("code").asText();
        String firstBody = manifest.get("modules").get(0).get("lessons").get(0).get("body").asText();
        // release 1: the last lesson not written yet, the first one worded as it used to be
        Map<String, byte[]> release1 = new LinkedHashMap<>(release2);
        ObjectNode older = manifest.deepCopy();
        ((ArrayNode) older.get("modules").get(older.get("modules").size() - 1).get("lessons")).remove(lastModule.size() - 1);
        // the old wording had none of today's parts, so none of the questions asked of them
        ((ObjectNode) older.get("modules").get(0).get("lessons").get(0)).remove("asked");
        release1.put("manifest.json", Http.JSON.writeValueAsBytes(older));
        release1.put(firstBody, "<p>Bản cũ của bài học.</p>".getBytes(StandardCharsets.UTF_8));

        // a database made by the release before releases were recorded: installed by the system, untouched
        SystemUser.run(SystemUser.SYSTEM, () -> courses.install(release1, "system", CourseStatus.PUBLISHED));
        LearningScenarios.ensureAccount(accounts, "nang-cap", person("Lê Văn Cường"), unit("24133.02"));
        String learner = token("nang-cap");
        assertThat(http.post("/api/v1/courses/KNS-NANG-CAP/enrolments", token("province-admin"),
                World.map("personId", person("Lê Văn Cường"), "override", true)).status()).isEqualTo(200);
        http.post(LearningScenarios.lesson("KNS-NANG-CAP", firstCode) + "/completion", learner, null);
        List<List<Integer>> right = rightAnswers(firstCode);
        if (!right.isEmpty()) {
            http.post(LearningScenarios.lesson("KNS-NANG-CAP", firstCode) + "/answers", learner, World.map("answers", right));
        }
        int lessonsBefore = lessons();
        assertThat(courseDone(learner)).isEqualTo(1);

        assertThat(install(release2)).isEqualTo(CourseService.ShippedOutcome.UPGRADED);
        assertThat(lessons()).isEqualTo(lessonsBefore + 1);
        assertThat(http.get(LearningScenarios.lesson("KNS-NANG-CAP", addedCode), learner).status()).isEqualTo(200);
        assertThat(http.get(LearningScenarios.lesson("KNS-NANG-CAP", firstCode), learner).json().get("body").asText())
                .doesNotContain("Bản cũ");
        assertThat(courseDone(learner)).as("the learner's completed lesson survives the upgrade").isEqualTo(1);
        assertThat(install(release2)).isEqualTo(CourseService.ShippedOutcome.UNCHANGED);

        // the province rewrites a lesson; the next release improves the same course again
        String admin = token("province-admin");
        long lessonId = jdbc.sql("""
                SELECT l.id FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.code = 'KNS-NANG-CAP' AND l.code = ?""")
                .param(firstCode).query(Long.class).single();
        jdbc.sql("UPDATE lesson SET body = '<p>Bài do tỉnh viết lại.</p>' WHERE id = ?").param(lessonId).update();
        jdbc.sql("UPDATE course SET updated_at = CURRENT_TIMESTAMP + INTERVAL '1' MINUTE WHERE code = 'KNS-NANG-CAP'").update();
        Map<String, byte[]> release3 = new LinkedHashMap<>(release2);
        release3.put(firstBody, "<p>Bản mới nhất của bài học.</p>".getBytes(StandardCharsets.UTF_8));
        ObjectNode newer = manifest.deepCopy();
        ((ObjectNode) newer.get("modules").get(0).get("lessons").get(0)).remove("asked");
        release3.put("manifest.json", Http.JSON.writeValueAsBytes(newer));
        assertThat(install(release3)).isEqualTo(CourseService.ShippedOutcome.KEPT_LOCAL_EDITS);
        assertThat(http.get(LearningScenarios.lesson("KNS-NANG-CAP", firstCode), learner).json().get("body").asText())
                .contains("Bài do tỉnh viết lại");
        // what the author is shown: the lesson the release changed, the province's copy beside it
        var waiting = SystemUser.call(SystemUser.SYSTEM, () -> courses.compareWithRelease(release3)).orElseThrow();
        assertThat(waiting.lessons()).hasSize(1);
        assertThat(waiting.lessons().getFirst().code()).isEqualTo(firstCode);
        assertThat(waiting.lessons().getFirst().here()).contains("Bài do tỉnh viết lại");
        assertThat(waiting.lessons().getFirst().shipped()).contains("Bản mới nhất");
        assertThat(http.get("/api/v1/courses/shipped-updates", admin).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT waiting_hash FROM shipped_content WHERE kind = 'COURSE' AND code = 'KNS-NANG-CAP'")
                .query(String.class).single()).isNotBlank();
        assertThat(http.get("/api/v1/courses/shipped-updates", learner).status()).isEqualTo(403);
    }

    private CourseService.ShippedOutcome install(Map<String, byte[]> files) {
        return SystemUser.call(SystemUser.SYSTEM, () -> courses.installShipped(files));
    }

    private int lessons() {
        return jdbc.sql("SELECT COUNT(*) FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.code = 'KNS-NANG-CAP'")
                .query(Integer.class).single();
    }

    private int courseDone(String learner) {
        for (JsonNode p : http.get("/api/v1/me/courses", learner).json()) {
            if (p.get("course").asText().equals("KNS-NANG-CAP")) {
                return p.get("done").asInt();
            }
        }
        return 0;
    }

    private List<List<Integer>> rightAnswers(String lesson) {
        String checks = jdbc.sql("""
                SELECT l.checks FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.code = 'KNS-NANG-CAP' AND l.code = ?""")
                .param(lesson).query(String.class).single();
        List<List<Integer>> right = new ArrayList<>();
        for (JsonNode c : Http.JSON.readTree(checks)) {
            List<Integer> r = new ArrayList<>();
            c.get("correct").forEach(i -> r.add(i.asInt()));
            right.add(r);
        }
        return right;
    }

    private static Map<String, byte[]> as(Map<String, byte[]> files, String code) {
        Map<String, byte[]> out = new LinkedHashMap<>(files);
        ObjectNode manifest = (ObjectNode) Http.JSON.readTree(files.get("manifest.json"));
        manifest.put("code", code);
        out.put("manifest.json", Http.JSON.writeValueAsBytes(manifest));
        return out;
    }
}

package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.binhdan.identity.AccountService.GrantSpec;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * Taking the exam through the API as an app would, on the shipped question bank and the default
 * blueprint for adult citizens: the form never carries an answer, answers are saved one by
 * one and survive a dropped connection, time runs on the server, and an attempt is graded once.
 */
public abstract class ExamScenarios extends EndToEnd {

    private static final String EXAMS = "/api/v1/me/exams";
    private static final String ATTEMPTS = "/api/v1/me/exam-attempts/";

    /** The bank as its authors see it: prompt + options → question with its answer. */
    private Map<String, JsonNode> bank;
    private Set<String> explanations;

    @BeforeAll
    void examTakers() {
        SystemUser.run(SystemUser.SYSTEM, () -> {
            if (accounts.loadByUsername("taker-1").isEmpty()) {
                World.expectDone(imports.runNow("PERSON", "exam-takers.csv", World.fixture("exam-takers.csv"), null));
                String[] names = {"Trần Thị Thi Một", "Lê Văn Thi Hai", "Y Thi Ba Mlô", "Phạm Thị Thi Bốn",
                        "Đỗ Văn Thi Năm", "Bùi Thị Thi Sáu", "Hà Văn Thi Bảy", "Mai Thị Thi Tám", "Lý Văn Thi Chín"};
                for (int i = 0; i < names.length; i++) {
                    accounts.create("taker-" + (i + 1), names[i], World.PASSWORD, person(names[i]),
                            List.of(new GrantSpec(Role.LEARNER, unit("24133.01"))));
                }
            }
        });
        bank = new HashMap<>();
        explanations = new TreeSet<>();
        for (JsonNode q : http.get("/api/v1/questions?group=ADULT", token("province-admin")).json()) {
            bank.put(key(q.get("prompt").asText(), q.get("options")), q);
            if (q.hasNonNull("explanation")) {
                explanations.add(q.get("explanation").asText());
            }
        }
        assertThat(bank).as("the shipped bank serves adults").hasSizeGreaterThan(40);
    }

    private static String key(String prompt, JsonNode options) {
        TreeSet<String> sorted = new TreeSet<>();
        options.forEach(o -> sorted.add(o.asText()));
        return prompt + "|" + sorted;
    }

    /** The right answer for a form item, in the positions this attempt shows the options in. */
    private List<Integer> rightChoice(JsonNode item) {
        JsonNode q = bank.get(key(item.get("prompt").asText(), item.get("options")));
        assertThat(q).as("item comes from the bank: " + item.get("prompt").asText()).isNotNull();
        List<String> shown = new ArrayList<>();
        item.get("options").forEach(o -> shown.add(o.asText()));
        List<Integer> choice = new ArrayList<>();
        for (JsonNode original : q.get("answer")) {
            choice.add(shown.indexOf(q.get("options").get(original.asInt()).asText()));
        }
        if (!"ORDERING".equals(q.get("type").asText())) {
            choice.sort(null);
        }
        return choice;
    }

    private List<Integer> wrongChoice(JsonNode item) {
        List<Integer> right = rightChoice(item);
        int n = item.get("options").size();
        if ("ORDERING".equals(item.get("type").asText())) {
            List<Integer> reversed = new ArrayList<>(right.reversed());
            return reversed;
        }
        for (int i = 0; i < n; i++) {
            if (!right.contains(i)) {
                return List.of(i);
            }
        }
        throw new AssertionError("no wrong option");
    }

    /** Nothing a learner receives while the attempt runs tells which option is right. */
    private void assertNoAnswerIn(Http.Response response) {
        String body = response.body();
        assertThat(body).doesNotContain("\"answer\"").doesNotContain("\"correct\"").doesNotContain("\"explanation\"")
                .doesNotContain("\"code\"").doesNotContain("\"competency\"");
        for (String explanation : explanations) {
            assertThat(body).doesNotContain(explanation);
        }
    }

    /** After grading too: the result names competencies and lessons, never the right options. */
    private void assertNoRightAnswerIn(Http.Response response) {
        assertThat(response.body()).doesNotContain("\"answer\"").doesNotContain("\"explanation\"");
        for (String explanation : explanations) {
            assertThat(response.body()).doesNotContain(explanation);
        }
    }

    @Test
    void aLearnerPassesWithoutTheFormEverCarryingAnAnswer() {
        String t = token("taker-1");
        JsonNode adult = exam(t, "ADULT");
        assertThat(adult.get("canStart").asBoolean()).as(adult.toString()).isTrue();
        int count = adult.get("questionCount").asInt();

        Http.Response started = http.post(EXAMS + "/ADULT/attempts", t, null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertNoAnswerIn(started);
        JsonNode form = started.json();
        String id = form.get("attemptId").asText();
        assertThat(form.get("items")).hasSize(count);
        assertThat(form.get("secondsLeft").asLong()).isBetween(60L * 29, 60L * 30);
        for (JsonNode item : form.get("items")) {
            Set<String> fields = new TreeSet<>();
            item.propertyNames().forEach(fields::add);
            assertThat(fields).containsExactly("choice", "options", "pictures", "position", "prompt", "type");
        }

        Http.Response second = http.post(EXAMS + "/ADULT/attempts", t, null);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asText()).contains("đang có một bài thi chưa nộp");

        // tampered items: a position outside the form, an option that does not exist
        Http.Response outside = http.put(ATTEMPTS + id + "/items/" + (count + 1), t, World.map("choice", List.of(0)));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().get("detail").asText()).contains("không có trong bài thi");
        Http.Response noOption = http.put(ATTEMPTS + id + "/items/1", t, World.map("choice", List.of(9)));
        assertThat(noOption.status()).isEqualTo(400);
        Http.Response stranger = http.get(ATTEMPTS + id, token("taker-5"));
        assertThat(stranger.status()).as("another learner cannot open the attempt").isEqualTo(404);

        // answer half, lose the connection, come back: the saved answers are there
        List<JsonNode> items = new ArrayList<>();
        form.get("items").forEach(items::add);
        for (JsonNode item : items.subList(0, count / 2)) {
            Http.Response saved = http.put(ATTEMPTS + id + "/items/" + item.get("position").asInt(), t,
                    World.map("choice", rightChoice(item)));
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertNoAnswerIn(saved);
        }
        Http.Response resumed = http.get(ATTEMPTS + id, t);
        assertNoAnswerIn(resumed);
        // the same through the browser's page and its autosave
        Http browser = new Http(port, true);
        browser.formLogin("taker-1", World.PASSWORD);
        Http.Response page = browser.getHtml("/exam/attempt/" + id);
        assertThat(page.body()).contains("fieldset");
        assertNoAnswerIn(page);
        JsonNode last = items.get(count - 1);
        Http.Response saved = browser.postForm("/exam/attempt/" + id + "/items/" + last.get("position").asInt(),
                Map.of("_csrf", Http.csrf(page.body()), "choice", "0"));
        assertNoAnswerIn(saved);
        assertThat(resumed.json().get("items").get(0).get("choice")).isNotEmpty();
        assertThat(resumed.json().get("items").get(count - 1).get("choice")).isEmpty();
        assertThat(http.get("/api/v1/me/exams", t).json().get(0).get("activeAttemptId").asText()).isEqualTo(id);
        for (JsonNode item : items.subList(count / 2, count)) {
            http.put(ATTEMPTS + id + "/items/" + item.get("position").asInt(), t, World.map("choice", rightChoice(item)));
        }

        Map<Long, Long> usedBefore = usage();
        Http.Response graded = http.post(ATTEMPTS + id + "/submit", t, null);
        assertThat(graded.status()).as(graded.body()).isEqualTo(200);
        assertNoRightAnswerIn(graded);
        JsonNode result = graded.json();
        assertThat(result.get("passed").asBoolean()).isTrue();
        assertThat(result.get("percent").asInt()).isEqualTo(100);
        assertThat(result.get("competencies").size()).isPositive();
        assertThat(result.get("review")).isEmpty();

        Http.Response again = http.post(ATTEMPTS + id + "/submit", t, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("đã được nộp");
        Http.Response late = http.put(ATTEMPTS + id + "/items/1", t, World.map("choice", List.of(0)));
        assertThat(late.status()).isEqualTo(409);
        Map<Long, Long> usedAfter = usage();
        long counted = usedAfter.keySet().stream()
                .mapToLong(q -> usedAfter.get(q) - usedBefore.getOrDefault(q, 0L)).sum();
        assertThat(counted).as("each drawn question counted once").isEqualTo(count);
        assertThat(exam(t, "ADULT").get("passedAttemptId").asText()).isEqualTo(id);
        Http.Response retake = http.post(EXAMS + "/ADULT/attempts", t, null);
        assertThat(retake.status()).isEqualTo(409);
        assertThat(retake.json().get("detail").asText()).contains("đã đạt");
    }

    @Test
    void aFailedAttemptPointsToTheLessonsAndTheNextFormAvoidsWhatWasSeen() {
        String t = token("taker-2");
        JsonNode form = http.post(EXAMS + "/ADULT/attempts", t, null).json();
        String id = form.get("attemptId").asText();
        Set<String> firstPrompts = new TreeSet<>();
        for (JsonNode item : form.get("items")) {
            firstPrompts.add(item.get("prompt").asText());
            http.put(ATTEMPTS + id + "/items/" + item.get("position").asInt(), t, World.map("choice", wrongChoice(item)));
        }
        JsonNode result = http.post(ATTEMPTS + id + "/submit", t, null).json();
        assertThat(result.get("passed").asBoolean()).isFalse();
        assertThat(result.get("percent").asInt()).isZero();
        assertThat(result.get("competencies").findValues("mastered")).allMatch(m -> !m.asBoolean());
        assertThat(result.get("review").size()).as("lessons to read again").isPositive();
        assertThat(result.get("review").get(0).get("courseCode").asText()).isEqualTo("KNS-NGUOI-DAN");
        assertNoRightAnswerIn(http.get(ATTEMPTS + id + "/result", t));

        Http.Response tooSoon = http.post(EXAMS + "/ADULT/attempts", t, null);
        assertThat(tooSoon.status()).isEqualTo(409);
        assertThat(tooSoon.json().get("detail").asText()).contains("Có thể thi lại từ");
        assertThat(exam(t, "ADULT").get("nextAllowedAt").isNull()).isFalse();

        // the wait has passed (moved back in the database): the new form avoids every question seen
        jdbc.sql("UPDATE exam_attempt SET finished_at = finished_at - INTERVAL '2' DAY WHERE id = ?").param(id).update();
        JsonNode next = http.post(EXAMS + "/ADULT/attempts", t, null).json();
        for (JsonNode item : next.get("items")) {
            assertThat(firstPrompts).doesNotContain(item.get("prompt").asText());
        }
    }

    @Test
    void timeIsKeptByTheServer() {
        String t = token("taker-3");
        JsonNode form = http.post(EXAMS + "/ADULT/attempts", t, null).json();
        String id = form.get("attemptId").asText();
        JsonNode first = form.get("items").get(0);
        assertThat(http.put(ATTEMPTS + id + "/items/1", t, World.map("choice", rightChoice(first))).status())
                .isEqualTo(200);
        // the time limit passes (the deadline is moved back rather than waited for)
        jdbc.sql("UPDATE exam_attempt SET deadline = started_at - INTERVAL '1' MINUTE WHERE id = ?").param(id).update();
        Http.Response late = http.put(ATTEMPTS + id + "/items/2", t,
                World.map("choice", rightChoice(form.get("items").get(1))));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).contains("hết giờ");
        JsonNode after = http.get(ATTEMPTS + id, t).json();
        assertThat(after.get("active").asBoolean()).as("opened after the deadline: graded").isFalse();
        JsonNode result = http.get(ATTEMPTS + id + "/result", t).json();
        assertThat(result.get("finishedHow").asText()).isEqualTo("TIMED_OUT");
        assertThat(result.get("correct").asInt()).as("answers saved in time count").isEqualTo(1);
    }

    @Test
    void concurrentStartsAndSubmitsCountOnce() throws Exception {
        String t = token("taker-4");
        List<Integer> starts = race(() -> http.post(EXAMS + "/ADULT/attempts", t, null).status());
        assertThat(starts).containsExactlyInAnyOrder(201, 409);
        String id = exam(t, "ADULT").get("activeAttemptId").asText();
        Map<Long, Long> before = usage();
        List<Integer> submits = race(() -> http.post(ATTEMPTS + id + "/submit", t, null).status());
        assertThat(submits).containsExactlyInAnyOrder(200, 409);
        Map<Long, Long> after = usage();
        long counted = after.keySet().stream().mapToLong(q -> after.get(q) - before.getOrDefault(q, 0L)).sum();
        assertThat(counted).isEqualTo(http.get(ATTEMPTS + id + "/result", t).json().get("total").asLong());
    }

    @Test
    void suspiciousAttemptsAreFlaggedForReviewAndNothingIsBlocked() {
        // four people finish exams from the same device (the test client), one of them passing in seconds
        for (String taker : List.of("taker-6", "taker-7", "taker-8", "taker-9")) {
            String t = token(taker);
            JsonNode form = http.post(EXAMS + "/ADULT/attempts", t, null).json();
            String id = form.get("attemptId").asText();
            if (taker.equals("taker-6")) {
                for (JsonNode item : form.get("items")) {
                    http.put(ATTEMPTS + id + "/items/" + item.get("position").asInt(), t,
                            World.map("choice", rightChoice(item)));
                }
            }
            assertThat(http.post(ATTEMPTS + id + "/submit", t, null).status()).isEqualTo(200);
        }
        // two people's attempts with the same three wrong answers (written as grading leaves them)
        List<Long> questions = jdbc.sql("SELECT id FROM question ORDER BY id LIMIT 3").query(Long.class).list();
        for (String taker : List.of("Mai Thị Thi Tám", "Lý Văn Thi Chín")) {
            String id = java.util.UUID.randomUUID().toString();
            jdbc.sql("""
                    INSERT INTO exam_attempt (id, person_id, target_group, framework_version, status, started_at, deadline,
                                              pass_percent, question_count, finished_at, finished_how, correct_count,
                                              score_percent, passed, unit_path)
                    SELECT ?, p.id, 'ADULT', '1.0', 'GRADED', ?, ?, 70, 3, ?, 'SUBMITTED', 0, 0, FALSE, u.path
                    FROM person p JOIN unit u ON u.id = p.residence_unit_id WHERE p.full_name = ?""")
                    .params(id, java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(900)),
                            java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(900)),
                            java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), taker)
                    .update();
            for (int i = 0; i < questions.size(); i++) {
                jdbc.sql("""
                        INSERT INTO exam_item (attempt_id, position, question_id, option_order, choice, original_choice, correct)
                        VALUES (?, ?, ?, '1,0', '0', '1', FALSE)""").params(id, i + 1, questions.get(i)).update();
            }
        }

        assertThat(http.get("/api/v1/exam-integrity-flags", token("commune-officer")).status()).isEqualTo(403);
        JsonNode flags = http.get("/api/v1/exam-integrity-flags?days=1", token("province-admin")).json();
        Map<String, List<String>> byKind = new HashMap<>();
        for (JsonNode f : flags) {
            List<String> names = byKind.computeIfAbsent(f.get("kind").asText(), k -> new ArrayList<>());
            f.get("attempts").forEach(a -> names.add(a.get("personName").asText()));
        }
        assertThat(byKind.get("SHARED_DEVICE")).contains("Bùi Thị Thi Sáu", "Hà Văn Thi Bảy", "Mai Thị Thi Tám",
                "Lý Văn Thi Chín");
        assertThat(byKind.get("TOO_FAST")).contains("Bùi Thị Thi Sáu");
        assertThat(byKind.get("SAME_ANSWERS")).contains("Mai Thị Thi Tám", "Lý Văn Thi Chín");
        assertThat(exam(token("taker-6"), "ADULT").get("passedAttemptId").isNull())
                .as("a flag blocks nothing: the pass stands").isFalse();
    }

    private List<Integer> race(Callable<Integer> call) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Integer> a = pool.submit(call);
            Future<Integer> b = pool.submit(call);
            return List.of(a.get(), b.get());
        }
    }

    private JsonNode exam(String token, String group) {
        for (JsonNode e : http.get(EXAMS, token).json()) {
            if (e.get("targetGroup").asText().equals(group)) {
                return e;
            }
        }
        throw new AssertionError("no exam for " + group);
    }

    private Map<Long, Long> usage() {
        Map<Long, Long> used = new HashMap<>();
        jdbc.sql("SELECT id, times_used FROM question").query((rs, i) -> used.put(rs.getLong(1), rs.getLong(2))).list();
        return used;
    }
}

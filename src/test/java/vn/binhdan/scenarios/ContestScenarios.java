package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.binhdan.contest.Counts;
import vn.binhdan.contest.internal.ContestRepository;
import vn.binhdan.contest.internal.Scoring;
import vn.binhdan.monitoring.Metrics;
import vn.binhdan.monitoring.Rollups;
import tools.jackson.databind.JsonNode;
import vn.binhdan.identity.AccountService.GrantSpec;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * The online contest through the API, as the organiser's office and contestants' phones use it:
 * a round drawn from the bank, entries that never carry an answer, the prediction that breaks
 * the tie between equally right entries, the unit leaderboard, fair-play signals and prize lists.
 */
public abstract class ContestScenarios extends EndToEnd {

    static final String[] NAMES = {"Đào Thị Dự Thi", "Phan Văn Dự Thi", "Võ Thị Dự Đoán", "Lương Văn Dự Bị",
            "Y Dự Thi Êban"};
    static final String[] USERS = {"contestant-1", "contestant-2", "contestant-3", "contestant-4", "contestant-5"};

    private Map<String, JsonNode> bank;
    @Autowired
    Rollups rollups;
    @Autowired
    ContestRepository contestRows;

    @BeforeAll
    void contestants() {
        SystemUser.run(SystemUser.SYSTEM, () -> {
            if (accounts.loadByUsername(USERS[0]).isEmpty()) {
                String csv = """
                        Họ và tên,Ngày sinh,Giới tính,Số CCCD,Mã đơn vị
                        Đào Thị Dự Thi,03/04/1980,Nữ,066180400001,24133.01
                        Phan Văn Dự Thi,15/06/1975,Nam,066075400002,24133.01
                        Võ Thị Dự Đoán,20/01/1990,Nữ,066190400003,24133.02
                        Lương Văn Dự Bị,11/11/1970,Nam,066070400004,24133.02
                        Y Dự Thi Êban,02/02/1985,Nam,066085400005,24175.01
                        """;
                World.expectDone(imports.runNow("PERSON", "contestants.csv",
                        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null));
                for (int i = 0; i < NAMES.length; i++) {
                    accounts.create(USERS[i], NAMES[i], World.PASSWORD, person(NAMES[i]),
                            List.of(new GrantSpec(Role.LEARNER, unit(i < 4 ? "24133" : "24175"))));
                }
            }
        });
        bank = new HashMap<>();
        for (JsonNode q : http.get("/api/v1/questions", token("province-admin")).json()) {
            bank.put(key(q.get("prompt").asText(), q.get("options")), q);
        }
    }

    private static String key(String prompt, JsonNode options) {
        TreeSet<String> sorted = new TreeSet<>();
        options.forEach(o -> sorted.add(o.asText()));
        return prompt + "|" + sorted;
    }

    List<Integer> rightChoice(JsonNode item) {
        JsonNode q = bank.get(key(item.get("prompt").asText(), item.get("options")));
        assertThat(q).as("item comes from the bank").isNotNull();
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

    List<Integer> wrongChoice(JsonNode item) {
        List<Integer> right = rightChoice(item);
        if ("ORDERING".equals(item.get("type").asText())) {
            return new ArrayList<>(right.reversed());
        }
        for (int i = 0; i < item.get("options").size(); i++) {
            if (!right.contains(i)) {
                return List.of(i);
            }
        }
        throw new AssertionError("no wrong option");
    }

    /** A wrong answer chosen by the options' text, so that two entries showing them in other orders agree. */
    List<Integer> sameWrong(JsonNode item) {
        List<Integer> right = rightChoice(item);
        if ("ORDERING".equals(item.get("type").asText())) {
            return new ArrayList<>(right.reversed());
        }
        int pick = -1;
        for (int i = 0; i < item.get("options").size(); i++) {
            if (!right.contains(i) && (pick < 0
                    || item.get("options").get(i).asText().compareTo(item.get("options").get(pick).asText()) < 0)) {
                pick = i;
            }
        }
        return List.of(pick);
    }

    static void assertNoAnswerIn(Http.Response r) {
        assertThat(r.body()).doesNotContain("\"answer\"").doesNotContain("\"explanation\"")
                .doesNotContain("\"code\"").doesNotContain("\"competency\"").doesNotContain("\"correct\"");
    }

    long contest(String admin, String title) {
        Http.Response created = http.post("/api/v1/contests", admin, World.map("unitId", unit("66"), "title", title,
                "rules", "Mỗi tuần một vòng.", "organiser", "Sở Khoa học và Công nghệ", "finalPrizes", 2,
                "collectiveBasis", "PER_THOUSAND", "collectivePrizes", 1));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    Map<String, Object> roundForm(String title, int entries) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return World.map("title", title, "opensAt", now.minusSeconds(60).toString(),
                "closesAt", now.plus(7, ChronoUnit.DAYS).toString(), "timeLimitMinutes", 20, "entriesAllowed", entries,
                "counts", "BEST", "prizes", 3,
                "draw", List.of(World.map("area", "1", "count", 3), World.map("area", "2", "count", 2)));
    }

    /** Answers every item right, except {@code wrong} of them, through the autosave. */
    void answer(String t, JsonNode form, int wrong) {
        for (JsonNode item : form.get("items")) {
            List<Integer> choice = wrong-- > 0 ? wrongChoice(item) : rightChoice(item);
            Http.Response saved = http.put("/api/v1/me/contest-entries/" + form.get("entryId").asText() + "/items/"
                    + item.get("position").asInt(), t, World.map("choice", choice));
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertNoAnswerIn(saved);
        }
    }

    JsonNode enter(String t, long round) {
        Http.Response started = http.post("/api/v1/contest-rounds/" + round + "/entries", t, null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertNoAnswerIn(started);
        return started.json();
    }

    Http.Response submit(String t, JsonNode form, Object prediction) {
        return http.post("/api/v1/me/contest-entries/" + form.get("entryId").asText() + "/submit", t,
                World.map("prediction", prediction));
    }

    static String docxText(byte[] bytes) {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(bytes));
             var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            return text.getText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long grew(Map<Long, Map<String, Long>> before, Map<Long, Map<String, Long>> after, long unitId) {
        return after.getOrDefault(unitId, Map.of()).getOrDefault("ALL", 0L)
                - before.getOrDefault(unitId, Map.of()).getOrDefault("ALL", 0L);
    }

    /**
     * The compliance indicator "communes with at least N participants": the province sets N to the
     * ward's count, and the ward meets it while Hòa Phú, with fewer, is listed among those that do not.
     */
    private void participationIndicator(String admin, long wardCount) {
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        String code = "CONTEST_COMMUNES";
        JsonNode shipped = http.get("/api/v1/indicators/" + code + "/compliance", admin).json();
        assertThat(shipped.get(0).get("metric").asText()).isEqualTo(Metrics.CONTEST_PARTICIPANTS);
        try {
            assertThat(http.put("/api/v1/indicators/" + code + "/compliance", admin, List.of(World.map(
                    "metric", Metrics.CONTEST_PARTICIPANTS, "kinds", List.of(), "comparison", "GE", "threshold", wardCount,
                    "from", "1/1", "to", "31/12", "eachMonth", false))).status()).isEqualTo(200);
            JsonNode list = http.get("/api/v1/dashboard/" + unit("66") + "/compliance/" + code + "?year=" + year,
                    admin).json();
            assertThat(list.get("met").asInt()).as(list.toString()).isPositive();
            List<String> failing = new ArrayList<>();
            list.get("failing").forEach(f -> failing.add(f.get("unit").get("code").asText()));
            assertThat(failing).doesNotContain("24133");
            if (wardCount > 1) {
                assertThat(failing).contains("24175");
            }
            JsonNode wardKpi = null;
            for (JsonNode k : http.get("/api/v1/dashboard/" + unit("24133") + "?year=" + year,
                    token("commune-officer")).json().get("kpis")) {
                if (k.get("indicator").asText().equals(code)) {
                    wardKpi = k;
                }
            }
            assertThat(wardKpi).as("the ward's dashboard shows the indicator").isNotNull();
            assertThat(wardKpi.get("compliance").get("met").asInt()).isEqualTo(1);
        } finally {
            http.put("/api/v1/indicators/" + code + "/compliance", admin, List.of(World.map(
                    "metric", Metrics.CONTEST_PARTICIPANTS, "kinds", List.of(), "comparison", "GE", "threshold", 100,
                    "from", "1/1", "to", "31/12", "eachMonth", false)));
        }
    }

    /**
     * Many entries, ties at every step, missing predictions, times and submissions, people with
     * several entries: the ranking the close stores (on PostgreSQL, worked out by the database)
     * is the one the rules give, as {@link Scoring} states them.
     */
    @Test
    void theStoredRankingFollowsTheRulesOnManyTiedEntries() {
        String admin = token("province-admin");
        long contest = contest(admin, "Cuộc thi xếp hạng nhiều bài");
        List<Long> people = jdbc.sql("SELECT id FROM person ORDER BY id").query(Long.class).list();
        people = people.subList(0, Math.min(40, people.size()));
        for (Counts counts : Counts.values()) {
            Map<String, Object> form = roundForm("Vòng " + counts, 3);
            form.put("counts", counts.name());
            Http.Response added = http.post("/api/v1/contests/" + contest + "/rounds", admin, form);
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            long round = added.json().get("id").asLong();
            int questions = added.json().get("questionCount").asInt();
            SplittableRandom random = new SplittableRandom(counts.ordinal() + 7);
            Instant t0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            for (long person : people) {
                int entries = 1 + random.nextInt(3);
                for (int seq = 1; seq <= entries; seq++) {
                    boolean running = random.nextInt(10) == 0;
                    jdbc.sql("""
                            INSERT INTO contest_entry (id, round_id, person_id, unit_path, seq, seed, started_at, deadline,
                                                       finished_how, submitted_at, duration_ms, prediction, correct)
                            VALUES (?, ?, ?, '/66/', ?, 1, ?, ?, ?, ?, ?, ?, ?)""")
                            .params(new UUID(random.nextLong(), random.nextLong()).toString(), round, person, seq,
                                    Timestamp.from(t0), Timestamp.from(t0.plus(20, ChronoUnit.MINUTES)),
                                    running ? null : "SUBMITTED",
                                    running ? null : Timestamp.from(t0.plusSeconds(random.nextInt(4))),
                                    running || random.nextInt(15) == 0 ? null : 1000L * random.nextInt(3),
                                    random.nextInt(8) == 0 ? null : (long) random.nextInt(5),
                                    running ? null : random.nextInt(questions + 1))
                            .update();
                }
            }
            Http.Response closed = http.post("/api/v1/contest-rounds/" + round + "/close", admin, null);
            assertThat(closed.status()).as(closed.body()).isEqualTo(200);

            Scoring.Outcome rules = Scoring.score(contestRows.scorable(round), questions, counts);
            assertThat(closed.json().get("trueCount").asInt()).isEqualTo(rules.trueCount()).isPositive();
            Map<String, String> stored = new HashMap<>();
            jdbc.sql("SELECT id, counted, prediction_gap, rank_no FROM contest_entry WHERE round_id = ?").param(round)
                    .query(rs -> {
                        stored.put(rs.getString(1), rs.getBoolean(2) + " " + rs.getObject(3) + " " + rs.getObject(4));
                    });
            Map<String, String> expected = new HashMap<>();
            rules.scored().forEach(e -> expected.put(e.entryId(), e.counted() + " " + e.gap() + " " + e.rank()));
            assertThat(stored).as(counts.name()).hasSize(expected.size()).isEqualTo(expected);
            assertThat(rules.scored().stream().filter(ContestRepository.Scored::counted).count())
                    .isEqualTo(people.size());
        }
    }

    @Test
    void theClosestPredictionBreaksTheTieBetweenEquallyRightEntries() {
        String admin = token("province-admin");
        long contest = contest(admin, "Cuộc thi tìm hiểu về chuyển đổi số 2026");

        // a round the bank cannot supply is refused at set-up, with the shortfall
        Map<String, Object> tooMany = roundForm("Vòng quá lớn", 1);
        tooMany.put("draw", List.of(World.map("area", "1", "count", 45), World.map("area", "3", "difficulty", 5, "count", 40)));
        Http.Response short_ = http.post("/api/v1/contests/" + contest + "/rounds", admin, tooMany);
        assertThat(short_.status()).isEqualTo(400);
        assertThat(short_.json().get("detail").asText()).contains("không đủ câu").contains("/45").contains("3/5: ");
        assertThat(http.post("/api/v1/contests/" + contest + "/rounds", token("commune-officer"), roundForm("x", 1))
                .status()).isEqualTo(403);

        Http.Response added = http.post("/api/v1/contests/" + contest + "/rounds", admin, roundForm("Vòng 1", 2));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        long round = added.json().get("id").asLong();
        assertThat(added.json().get("questionCount").asInt()).isEqualTo(5);
        assertThat(added.json().get("status").asText()).isEqualTo("OPEN");

        String[] t = new String[USERS.length];
        for (int i = 0; i < USERS.length; i++) {
            t[i] = token(USERS[i]);
        }
        assertThat(http.get("/api/v1/me/contest-rounds", t[0]).body()).contains("Vòng 1").contains("\"OPEN\"");
        assertThat(http.post("/api/v1/contests/" + contest + "/registration", t[0], null).status()).isEqualTo(200);

        rollups.drain();
        Map<Long, Map<String, Long>> before = rollups.totals(Metrics.CONTEST_PARTICIPANTS,
                List.of(unit("24133"), unit("24175"), unit("66")));
        JsonNode[] forms = new JsonNode[USERS.length];
        for (int i = 0; i < USERS.length; i++) {
            forms[i] = enter(t[i], round);
            assertThat(forms[i].get("items")).hasSize(5);
        }
        // a phone that lost the reply asks again: the same entry, not a second one
        assertThat(enter(t[0], round).get("entryId").asText()).isEqualTo(forms[0].get("entryId").asText());
        Http.Response stranger = http.get("/api/v1/me/contest-entries/" + forms[0].get("entryId").asText(), t[1]);
        assertThat(stranger.status()).isEqualTo(404);
        Http.Response outside = http.put("/api/v1/me/contest-entries/" + forms[0].get("entryId").asText() + "/items/6",
                t[0], World.map("choice", List.of(0)));
        assertThat(outside.status()).isEqualTo(400);

        // the participation board is live while the round runs
        JsonNode board = http.get("/api/v1/contests/" + contest + "/units?roundId=" + round, t[0]).json();
        assertThat(standing(board, "Phường Buôn Ma Thuột").get("participants").asInt()).isEqualTo(4);
        assertThat(standing(board, "Xã Hòa Phú").get("participants").asInt()).isEqualTo(1);
        assertThat(standing(board, "Phường Buôn Ma Thuột").get("perThousand").asDouble()).isPositive();
        JsonNode ward = http.get("/api/v1/contests/" + contest + "/units?roundId=" + round + "&unitId=" + unit("24133"),
                t[0]).json();
        assertThat(standing(ward, "Tổ dân phố 2").get("participants").asInt()).isEqualTo(2);

        // and the dashboards count each participant once, where they live: the ward's four, Hòa Phú's one
        rollups.drain();
        Map<Long, Map<String, Long>> counted = rollups.totals(Metrics.CONTEST_PARTICIPANTS,
                List.of(unit("24133"), unit("24175"), unit("66")));
        assertThat(grew(before, counted, unit("24133"))).isEqualTo(4);
        assertThat(grew(before, counted, unit("24175"))).isEqualTo(1);
        assertThat(grew(before, counted, unit("66"))).isEqualTo(5);
        participationIndicator(admin, counted.get(unit("24133")).get("ALL"));
        JsonNode check = http.post("/api/v1/monitoring/check", admin, Map.of()).json();
        assertThat(check.get("differences").asInt()).as("the recompute from the rows agrees: " + check).isZero();

        // three entries all right: two predict 2, one predicts 5; the fourth misses one question
        answer(t[0], forms[0], 0);
        answer(t[1], forms[1], 0);
        answer(t[2], forms[2], 0);
        answer(t[3], forms[3], 1);
        for (Object bad : List.of("2.5", -1, "hai", 2.5)) {
            Http.Response refused = submit(t[0], forms[0], bad);
            assertThat(refused.status()).as(String.valueOf(bad)).isEqualTo(400);
            assertThat(refused.json().get("detail").asText()).contains("prediction");
        }
        assertThat(submit(t[0], forms[0], 2).status()).isEqualTo(200);
        assertThat(submit(t[1], forms[1], 5).status()).isEqualTo(200);
        assertThat(submit(t[2], forms[2], "2").status()).isEqualTo(200);
        Http.Response submitted = submit(t[3], forms[3], 2);
        assertThat(submitted.status()).isEqualTo(200);
        assertNoAnswerIn(submitted);
        assertThat(submit(t[0], forms[0], 2).status()).as("a second submit").isEqualTo(409);
        Http.Response late = http.put("/api/v1/me/contest-entries/" + forms[0].get("entryId").asText() + "/items/1",
                t[0], World.map("choice", List.of(0)));
        assertThat(late.status()).isEqualTo(409);

        // a second entry within the allowance, then none beyond it
        JsonNode again = enter(t[3], round);
        assertThat(again.get("entryNumber").asInt()).isEqualTo(2);
        answer(t[3], again, 1);
        assertThat(submit(t[3], again, 3).status()).isEqualTo(200);
        Http.Response third = http.post("/api/v1/contest-rounds/" + round + "/entries", t[3], null);
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().get("detail").asText()).contains("hết 2 lượt");

        // no result and no ranking until the close, so that answers do not circulate
        Http.Response early = http.get("/api/v1/me/contest-entries/" + forms[0].get("entryId").asText() + "/result", t[0]);
        assertThat(early.status()).isEqualTo(409);
        assertThat(http.get("/api/v1/contest-rounds/" + round + "/ranking", t[0]).status()).isEqualTo(409);

        // once entered, the round's questions and rules stay; its texts and times may change
        Http.Response edit = http.put("/api/v1/contest-rounds/" + round, admin, World.map("timeLimitMinutes", 30,
                "entriesAllowed", 5));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.json().get("detail").asText()).contains("timeLimitMinutes").contains("entriesAllowed");
        Http.Response retitled = http.put("/api/v1/contest-rounds/" + round, admin, World.map("title", "Vòng 1 — tuần đầu"));
        assertThat(retitled.status()).as(retitled.body()).isEqualTo(200);

        assertThat(http.post("/api/v1/contest-rounds/" + round + "/close", token("commune-officer"), null).status())
                .isEqualTo(403);
        Http.Response closed = http.post("/api/v1/contest-rounds/" + round + "/close", admin, null);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("trueCount").asInt()).isEqualTo(3);
        Http.Response after = http.post("/api/v1/contest-rounds/" + round + "/entries", t[4], null);
        assertThat(after.status()).isEqualTo(409);
        assertThat(after.json().get("detail").asText()).contains("đã đóng");

        JsonNode ranking = http.get("/api/v1/contest-rounds/" + round + "/ranking", t[4]).json();
        assertThat(ranking).hasSize(5);
        assertThat(ranking.get(2).get("prediction").asLong()).isEqualTo(5);
        assertThat(ranking.get(2).get("decidedBy").asText()).isEqualTo("PREDICTION");
        assertThat(ranking.get(3).get("decidedBy").asText()).isEqualTo("CORRECT");
        assertThat(ranking.get(3).get("prediction").asLong()).as("the better of two equal entries counts").isEqualTo(3);
        assertThat(ranking.get(4).get("correct").asInt()).as("the one who never submitted").isZero();
        assertThat(ranking.toString()).contains("Phan V. D. T.").doesNotContain("Phan Văn Dự Thi");
        // a contestant who withdrew consent to her name on leaderboards keeps her place, without a name
        long phan = person("Phan Văn Dự Thi");
        jdbc.sql("""
                INSERT INTO privacy_consent (person_id, purpose, granted, decided_at, decided_by)
                VALUES (?, 'LEADERBOARD_NAME', FALSE, CURRENT_TIMESTAMP, 'test')""").param(phan).update();
        JsonNode unnamed = http.get("/api/v1/contest-rounds/" + round + "/ranking", t[4]).json();
        assertThat(unnamed).hasSize(5);
        assertThat(unnamed.toString()).doesNotContain("Phan V. D. T.");
        assertThat(unnamed.findValues("name")).hasSize(4);
        jdbc.sql("DELETE FROM privacy_consent WHERE person_id = ? AND decided_by = 'test'").param(phan).update();

        JsonNode result = http.get("/api/v1/me/contest-entries/" + forms[1].get("entryId").asText() + "/result", t[1]).json();
        assertThat(result.get("rank").asInt()).isEqualTo(3);
        assertThat(result.get("correct").asInt()).isEqualTo(5);
        assertThat(result.get("trueCount").asInt()).isEqualTo(3);
        assertThat(result.get("predictionGap").asLong()).isEqualTo(2);
        JsonNode first = http.get("/api/v1/me/contest-entries/" + forms[3].get("entryId").asText() + "/result", t[3]).json();
        assertThat(first.get("counted").asBoolean()).isFalse();

        // fair play: five people entered from one device (this test's client)
        JsonNode flags = http.get("/api/v1/contest-rounds/" + round + "/fair-play", admin).json();
        assertThat(flags.toString()).contains("SHARED_DEVICE");
        assertThat(http.get("/api/v1/contest-rounds/" + round + "/fair-play", token("commune-officer")).status())
                .isEqualTo(403);

        // the organiser excludes the winning entry, with a reason: the round is ranked again without it,
        // so two entries now have every answer right and the prediction of 2 is exact
        String winner = forms[0].get("entryId").asText();
        Http.Response noReason = http.post("/api/v1/contest-rounds/" + round + "/exclusions", admin,
                World.map("entryId", winner, "reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("detail").asText()).contains("reason");
        assertThat(http.post("/api/v1/contest-rounds/" + round + "/exclusions", token("commune-officer"),
                World.map("entryId", winner, "reason", "Dùng chung máy")).status()).isEqualTo(403);
        Http.Response excluded = http.post("/api/v1/contest-rounds/" + round + "/exclusions", admin,
                World.map("entryId", winner, "reason", "Làm bài hộ người khác trên cùng máy"));
        assertThat(excluded.status()).as(excluded.body()).isEqualTo(200);
        assertThat(excluded.json().get("trueCount").asInt()).isEqualTo(2);
        JsonNode reranked = http.get("/api/v1/contest-rounds/" + round + "/ranking", admin).json();
        assertThat(reranked).hasSize(4);
        assertThat(reranked.get(0).get("predictionGap").asLong()).isZero();
        assertThat(reranked.get(1).get("name").asText()).isEqualTo("Phan V. D. T.");
        assertThat(reranked.get(1).get("predictionGap").asLong()).isEqualTo(3);
        assertThat(reranked.toString()).doesNotContain("Đào T. D. T.");
        assertThat(http.get("/api/v1/contest-rounds/" + round + "/fair-play", admin).body())
                .contains("Làm bài hộ người khác trên cùng máy");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE subject_id = ? AND detail LIKE 'excluded:%'")
                .param(winner).query(Long.class).single()).isEqualTo(1);

        // an exclusion made in error is taken back: the entry is ranked again where it was
        String phanEntry = forms[1].get("entryId").asText();
        assertThat(http.post("/api/v1/contest-rounds/" + round + "/exclusions", admin,
                World.map("entryId", phanEntry, "reason", "Nhầm người")).json().get("trueCount").asInt())
                .as("Phan answered every question right too").isEqualTo(1);
        assertThat(http.get("/api/v1/contest-rounds/" + round + "/ranking", admin).json()).hasSize(3);
        assertThat(http.delete("/api/v1/contest-rounds/" + round + "/exclusions/" + phanEntry, token("commune-officer"))
                .status()).isEqualTo(403);
        Http.Response back = http.delete("/api/v1/contest-rounds/" + round + "/exclusions/" + phanEntry, admin);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().get("trueCount").asInt()).isEqualTo(2);
        JsonNode restored = http.get("/api/v1/contest-rounds/" + round + "/ranking", admin).json();
        assertThat(restored).hasSize(4);
        assertThat(restored.get(1).get("name").asText()).isEqualTo("Phan V. D. T.");
        Http.Response notExcluded = http.delete("/api/v1/contest-rounds/" + round + "/exclusions/" + phanEntry, admin);
        assertThat(notExcluded.status()).isEqualTo(409);
        assertThat(notExcluded.json().get("detail").asText()).contains("không bị loại");

        JsonNode prizes = http.get("/api/v1/contest-rounds/" + round + "/prizes", admin).json();
        assertThat(prizes.get("people")).hasSize(3);
        assertThat(prizes.get("people").get(1).get("name").asText()).isEqualTo("Phan Văn Dự Thi");
        Http.Response xlsx = http.get("/api/v1/contest-rounds/" + round + "/prizes.xlsx", admin);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(new String(xlsx.bytes(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        // the organiser's announcement, to sign and send: the winners by full name, under the organiser's heading
        Http.Response docx = http.get("/api/v1/contest-rounds/" + round + "/prizes.docx", admin);
        assertThat(docx.status()).isEqualTo(200);
        String announcement = docxText(docx.bytes());
        assertThat(announcement).contains("THÔNG BÁO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Phan Văn Dự Thi",
                "Kết quả Vòng 1");
        assertThat(http.get("/api/v1/contest-rounds/" + round + "/prizes.docx", token("commune-officer")).status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/contests/" + contest + "/prizes/publication?roundId=" + round, admin, null).status())
                .isEqualTo(200);
        Http.Response twice = http.post("/api/v1/contests/" + contest + "/prizes/publication?roundId=" + round, admin, null);
        assertThat(twice.status()).isEqualTo(409);
        Http.Response tooLate = http.post("/api/v1/contest-rounds/" + round + "/exclusions", admin,
                World.map("entryId", forms[1].get("entryId").asText(), "reason", "Quá muộn"));
        assertThat(tooLate.status()).as("once published, the list stands").isEqualTo(409);
        assertThat(http.delete("/api/v1/contest-rounds/" + round + "/exclusions/" + winner, admin).status())
                .as("nor can an exclusion be taken back").isEqualTo(409);

        JsonNode finals = http.get("/api/v1/contests/" + contest + "/prizes", admin).json();
        assertThat(finals.get("people")).hasSize(2);
        assertThat(finals.get("units")).hasSize(1);
        assertThat(http.get("/api/v1/contests/" + contest + "/prizes.xlsx", admin).status()).isEqualTo(200);
        assertThat(docxText(http.get("/api/v1/contests/" + contest + "/prizes.docx", admin).bytes()))
                .contains("Giải chung cuộc", "Phường Buôn Ma Thuột");
    }

    @Test
    void aRoundThatHasEntriesKeepsItsQuestionsAndTheFinalWaitsForEveryRound() {
        String admin = token("province-admin");
        long contest = contest(admin, "Cuộc thi thử sửa vòng");
        long round = http.post("/api/v1/contests/" + contest + "/rounds", admin, roundForm("Vòng A", 1)).json()
                .get("id").asLong();
        // before anyone entered, the whole round may change, questions included
        Map<String, Object> redraw = roundForm("Vòng A", 1);
        redraw.put("draw", List.of(World.map("area", "3", "count", 4)));
        Http.Response changed = http.put("/api/v1/contest-rounds/" + round, admin, redraw);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("questionCount").asInt()).isEqualTo(4);

        String t = token(USERS[0]);
        JsonNode mine = enter(t, round);
        Http.Response redrawn = http.put("/api/v1/contest-rounds/" + round, admin, redraw);
        assertThat(redrawn.status()).isEqualTo(409);
        assertThat(redrawn.json().get("detail").asText()).contains("draw");
        Instant later = Instant.now().plus(8, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Http.Response moved = http.put("/api/v1/contest-rounds/" + round, admin, World.map("closesAt", later.toString()));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(Instant.parse(moved.json().get("closesAt").asText())).isEqualTo(later);

        Http.Response finals = http.get("/api/v1/contests/" + contest + "/prizes", admin);
        assertThat(finals.status()).isEqualTo(409);

        // two people hand in the same wrong answers, whatever order their entries showed them in
        String t2 = token(USERS[1]);
        JsonNode theirs = enter(t2, round);
        for (JsonNode[] pair : List.of(new JsonNode[] {mine, null}, new JsonNode[] {theirs, null})) {
            JsonNode form = pair[0];
            String who = form == mine ? t : t2;
            for (JsonNode item : form.get("items")) {
                assertThat(http.put("/api/v1/me/contest-entries/" + form.get("entryId").asText() + "/items/"
                        + item.get("position").asInt(), who, World.map("choice", sameWrong(item))).status()).isEqualTo(200);
            }
            assertThat(submit(who, form, 0).status()).isEqualTo(200);
        }
        JsonNode flags = http.get("/api/v1/contest-rounds/" + round + "/fair-play", admin).json();
        assertThat(flags.toString()).contains("SAME_ANSWERS").contains(NAMES[0]).contains(NAMES[1]);
        assertThat(http.get("/api/v1/contests/" + contest, token("lamdong-admin")).status()).isEqualTo(404);
        Http.Response badDates = http.post("/api/v1/contests/" + contest + "/rounds", admin, World.map("title", "Sai",
                "opensAt", later.toString(), "closesAt", later.minusSeconds(60).toString(), "timeLimitMinutes", 10,
                "draw", List.of(World.map("area", "1", "count", 1))));
        assertThat(badDates.status()).isEqualTo(400);
        assertThat(badDates.json().get("detail").asText()).contains("closesAt");
    }

    @Test
    void theLearnerTakesARoundInTheBrowserAndSeesHerPlaceAfterTheClose() {
        String admin = token("province-admin");
        long contest = contest(admin, "Cuộc thi trên trình duyệt");
        long round = http.post("/api/v1/contests/" + contest + "/rounds", admin, roundForm("Vòng trình duyệt", 1))
                .json().get("id").asLong();
        // her name on the leaderboard is her choice (the privacy scenarios may have her refuse it in
        // this shared database): here she has agreed, last
        jdbc.sql("""
                INSERT INTO privacy_consent (person_id, purpose, granted, decided_at, decided_by)
                VALUES (?, 'LEADERBOARD_NAME', TRUE, CURRENT_TIMESTAMP, 'learner')""")
                .param(person("Nguyễn Văn An")).update();
        Http phone = new Http(port, true);
        phone.formLogin("learner", World.PASSWORD);
        Http.Response list = phone.getHtml("/contests");
        assertThat(list.body()).contains("Vòng trình duyệt").contains("Vào thi");
        Http.Response page = phone.postForm("/contests/rounds/" + round + "/enter", Map.of("_csrf", Http.csrf(list.body())));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("fieldset").contains("Câu hỏi dự đoán");
        assertNoAnswerIn(page);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/contests/entries/([0-9a-f-]{36})").matcher(page.body());
        assertThat(m.find()).isTrue();
        String entry = m.group(1);
        JsonNode form = http.get("/api/v1/me/contest-entries/" + entry, token("learner")).json();
        StringBuilder body = new StringBuilder("_csrf=" + Http.csrf(page.body()) + "&action=submit");
        for (JsonNode item : form.get("items")) {
            for (int c : rightChoice(item)) {
                body.append("&q").append(item.get("position").asInt()).append('=').append(c);
            }
        }
        Http.Response notWhole = phone.postRaw("/contests/entries/" + entry, body + "&prediction=1.5");
        assertThat(notWhole.body()).contains("số nguyên");
        Http.Response submitted = phone.postRaw("/contests/entries/" + entry, body + "&prediction=1");
        assertThat(submitted.body()).contains("Đã nộp bài").contains("sau khi vòng thi đóng");

        assertThat(http.post("/api/v1/contest-rounds/" + round + "/close", admin, null).status()).isEqualTo(200);
        Http.Response result = phone.getHtml("/contests/entries/" + entry + "/result");
        assertThat(result.body()).contains("Số câu đúng: 5/5").contains("Chênh lệch: 0").contains("Xếp hạng: 1/1");
        Http.Response ranking = phone.getHtml("/contests/rounds/" + round);
        assertThat(ranking.body()).contains("Nguyễn V. A.").contains("Phường Buôn Ma Thuột");
        Http office = new Http(port, true);
        office.formLogin("province-admin", World.PASSWORD);
        assertThat(office.getHtml("/contests/rounds/" + round).body()).contains("Nguyễn Văn An").contains("prizes.xlsx");
        Http.Response xlsx = office.getHtml("/contests/rounds/" + round + "/prizes.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).contains("spreadsheetml");
    }

    static JsonNode standing(JsonNode board, String name) {
        for (JsonNode s : board) {
            if (s.get("unitName").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError(name + " not in " + board);
    }
}

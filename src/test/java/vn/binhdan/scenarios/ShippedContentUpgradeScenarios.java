package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.binhdan.assessment.Question;
import vn.binhdan.assessment.QuestionType;
import vn.binhdan.assessment.ShippedBank;
import vn.binhdan.assessment.internal.ShippedQuestions;
import vn.binhdan.campaign.ComplianceRule;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.campaign.Indicators;
import vn.binhdan.campaign.internal.ShippedIndicators;
import vn.binhdan.reporting.ReportForm;
import vn.binhdan.reporting.internal.FormRepository;
import vn.binhdan.reporting.internal.ShippedForms;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.shared.shipped.ShippedReleases;
import vn.binhdan.shared.shipped.ShippedReleases.Outcome;
import vn.binhdan.shared.shipped.ShippedUpdate;
import vn.binhdan.skills.FrameworkService;
import vn.binhdan.skills.internal.ShippedFrameworks;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * A province runs the previous release's questions, indicators, report forms and framework; the
 * next release improves some and adds others. Starting it brings what the province left alone up
 * to date (a learner's exam started on the old wording is still graded on it; reports keep the form
 * version they were started on), does nothing the second time, and keeps what the province changed,
 * offering the release beside it instead. Each scenario installs content of its own (codes NC-…)
 * and takes it away again, so the scenarios sharing the database see the shipped content unchanged.
 */
abstract class ShippedContentUpgradeScenarios extends EndToEnd {

    @Autowired
    ShippedBank bank;
    @Autowired
    FrameworkService frameworks;
    @Autowired
    ShippedIndicators shippedIndicators;
    @Autowired
    Indicators indicators;
    @Autowired
    ShippedForms shippedForms;
    @Autowired
    FormRepository formRepository;
    @Autowired
    ShippedReleases releases;

    @Test
    void aFreshDatabaseHoldsEveryShippedPieceAsShippedAndRecorded() throws Exception {
        // the start read the shipped files as the first install wrote them: nothing upgraded, nothing waits
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_event WHERE action = 'UPGRADE'
                AND subject_type IN ('question', 'indicator', 'COMPLIANCE', 'report_form')
                AND subject_id NOT LIKE 'NC%'""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM shipped_content WHERE waiting_hash IS NOT NULL
                AND kind IN ('QUESTION', 'INDICATOR', 'COMPLIANCE', 'REPORT_FORM', 'FRAMEWORK')""")
                .query(Long.class).single()).isZero();
        for (Map.Entry<String, Integer> kind : Map.of(
                "QUESTION", ShippedQuestions.read(frameworks.find("1.0").orElseThrow()).orElseThrow().size(),
                "INDICATOR", ShippedIndicators.read().size(),
                "COMPLIANCE", ShippedIndicators.readCompliance().size(),
                "REPORT_FORM", shippedForms.shipped().size(),
                "FRAMEWORK", ShippedFrameworks.documents().size()).entrySet()) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM shipped_content WHERE kind = ? AND code NOT LIKE 'NC%'")
                    .param(kind.getKey()).query(Integer.class).single()).as(kind.getKey()).isEqualTo(kind.getValue());
        }
    }

    @Test
    void aChangedQuestionReachesAnUntouchedBankWithoutRegradingAnExamStartedOnTheOldOne() throws Exception {
        // the bank shipped for edition 1.0, whichever edition another scenario made current since
        List<Question> shipped = ShippedQuestions.read(frameworks.find("1.0").orElseThrow()).orElseThrow();
        List<Question> singles = shipped.stream().filter(q -> q.type() == QuestionType.SINGLE && q.options().size() >= 3)
                .limit(3).toList();
        Question one = singles.get(0);
        Question two = singles.get(1);
        int oldRight = one.answer().getFirst();
        int newRight = (oldRight + 1) % one.options().size();
        // release 1: question 1 worded and keyed as it used to be
        Question oneBefore = copy(one, "NC-CAU-1", "Bản cũ: " + one.prompt(), List.of(oldRight));
        Question twoBefore = copy(two, "NC-CAU-2", "Bản cũ: " + two.prompt(), two.answer());
        String attempt = UUID.randomUUID().toString();
        try {
            assertThat(install(List.of(oneBefore, twoBefore)).values()).containsOnly(Outcome.INSTALLED);
            // what was stored reads back as what was shipped, even with nothing recorded
            releases.forget("QUESTION", "NC-CAU-1");
            releases.forget("QUESTION", "NC-CAU-2");
            assertThat(install(List.of(oneBefore, twoBefore)).values()).containsOnly(Outcome.UNCHANGED);
            // question 2 as a database from before releases were recorded holds it: installed by the system
            releases.forget("QUESTION", "NC-CAU-2");

            // a learner started an exam on release 1 and picked its right answer to question 1
            LearningScenarios.ensureAccount(accounts, "nang-cap", person("Lê Văn Cường"), unit("24133.02"));
            String learner = token("nang-cap");
            startedAttempt(attempt, person("Lê Văn Cường"), "NC-CAU-1", one.options().size());
            assertThat(http.put("/api/v1/me/exam-attempts/" + attempt + "/items/1", learner,
                    World.map("choice", List.of(oldRight))).status()).isEqualTo(200);

            // release 2 rewords and rekeys question 1, rewords question 2 and adds question 3
            Question oneAfter = copy(one, "NC-CAU-1", one.prompt(), List.of(newRight));
            Question twoAfter = copy(two, "NC-CAU-2", two.prompt(), two.answer());
            Question three = copy(singles.get(2), "NC-CAU-3", singles.get(2).prompt(), singles.get(2).answer());
            Map<String, Outcome> upgraded = install(List.of(oneAfter, twoAfter, three));
            assertThat(upgraded).containsEntry("NC-CAU-1", Outcome.UPGRADED).containsEntry("NC-CAU-2", Outcome.UPGRADED)
                    .containsEntry("NC-CAU-3", Outcome.INSTALLED);
            String author = token("province-admin");
            JsonNode now = http.get("/api/v1/questions/NC-CAU-1", author).json();
            assertThat(now.get("prompt").asText()).doesNotContain("Bản cũ");
            assertThat(now.get("answer").get(0).asInt()).isEqualTo(newRight);
            assertThat(http.get("/api/v1/questions/NC-CAU-2", author).json().get("prompt").asText()).doesNotContain("Bản cũ");

            // the exam started on release 1 is graded on release 1's key
            JsonNode result = http.post("/api/v1/me/exam-attempts/" + attempt + "/submit", learner, null).json();
            assertThat(result.get("correct").asInt()).as(result.toString()).isEqualTo(1);
            assertThat(result.get("percent").asInt()).isEqualTo(100);
            assertThat(install(List.of(oneAfter, twoAfter, three)).values()).containsOnly(Outcome.UNCHANGED);
            assertThat(http.get("/api/v1/me/exam-attempts/" + attempt + "/result", learner).json().get("percent").asInt())
                    .as("a finished attempt keeps its score over a later release").isEqualTo(100);

            // an author rewrites question 2; the next release rewords it again
            // (as the bank's page saves it: whatever edition is current by now, the words are the author's)
            jdbc.sql("""
                    UPDATE question SET prompt = 'Câu do tỉnh viết lại?', created_by = 'province-admin',
                           updated_at = CURRENT_TIMESTAMP WHERE code = 'NC-CAU-2'""").update();
            Question twoLater = copy(two, "NC-CAU-2", "Bản mới nhất: " + two.prompt(), two.answer());
            assertThat(install(List.of(oneAfter, twoLater, three))).containsEntry("NC-CAU-2", Outcome.KEPT_LOCAL_EDITS);
            assertThat(http.get("/api/v1/questions/NC-CAU-2", author).json().get("prompt").asText())
                    .isEqualTo("Câu do tỉnh viết lại?");
            List<ShippedUpdate> waiting = SystemUser.call(SystemUser.SYSTEM, () -> bank.compare(List.of(oneAfter, twoLater)));
            assertThat(waiting).hasSize(1);
            assertThat(((Question) waiting.getFirst().here()).prompt()).isEqualTo("Câu do tỉnh viết lại?");
            assertThat(((Question) waiting.getFirst().shipped()).prompt()).startsWith("Bản mới nhất");
            assertThat(http.get("/api/v1/questions/shipped-updates", author).status()).isEqualTo(200);
            assertThat(http.get("/api/v1/questions/shipped-updates", learner).status()).isEqualTo(403);
        } finally {
            jdbc.sql("DELETE FROM exam_item WHERE attempt_id = ?").param(attempt).update();
            jdbc.sql("DELETE FROM exam_attempt WHERE id = ?").param(attempt).update();
            jdbc.sql("DELETE FROM question WHERE code LIKE 'NC-CAU-%' AND id NOT IN (SELECT question_id FROM exam_item)")
                    .update();
            jdbc.sql("UPDATE question SET active = FALSE WHERE code LIKE 'NC-CAU-%'").update();
            for (String code : List.of("NC-CAU-1", "NC-CAU-2", "NC-CAU-3")) {
                releases.forget("QUESTION", code);
            }
        }
    }

    @Test
    void aRenamedIndicatorAndNewConditionsReachAProvinceThatKeptThem() throws Exception {
        Indicator base = ShippedIndicators.read().stream().filter(Indicator::compliance).findFirst().orElseThrow();
        List<ComplianceRule> rules = ShippedIndicators.readCompliance().get(base.code());
        ComplianceRule rule = rules.getFirst();
        try {
            Indicator before = rename(base, "Chỉ tiêu thử (bản cũ)");
            assertThat(installIndicator(before, List.of(threshold(rule, 3))).values()).containsOnly(Outcome.INSTALLED);
            // what was stored reads back as what was shipped, even with nothing recorded
            releases.forget("INDICATOR", "NC_CHI_TIEU");
            releases.forget("COMPLIANCE", "NC_CHI_TIEU");
            assertThat(installIndicator(before, List.of(threshold(rule, 3))).values()).containsOnly(Outcome.UNCHANGED);
            assertThat(releases.release("COMPLIANCE", "NC_CHI_TIEU")).isPresent();
            // the indicator as a database from before releases were recorded holds it
            releases.forget("INDICATOR", "NC_CHI_TIEU");

            Indicator after = rename(base, "Chỉ tiêu thử");
            assertThat(installIndicator(after, List.of(threshold(rule, 4))).values()).containsOnly(Outcome.UPGRADED);
            String admin = token("province-admin");
            assertThat(http.get("/api/v1/indicators", admin).body()).contains("Chỉ tiêu thử\"").doesNotContain("bản cũ");
            assertThat(http.get("/api/v1/indicators/NC_CHI_TIEU/compliance", admin).json().get(0).get("threshold").asLong())
                    .isEqualTo(4);
            assertThat(installIndicator(after, List.of(threshold(rule, 4))).values()).containsOnly(Outcome.UNCHANGED);

            // the province sets its own condition; the next release changes both the name and the condition
            assertThat(http.put("/api/v1/indicators/NC_CHI_TIEU/compliance", admin, List.of(World.map(
                    "metric", rule.metric(), "kinds", rule.kinds(), "comparison", rule.comparison().name(),
                    "threshold", 9, "from", rule.from().toString().substring(2), "to", rule.to().toString().substring(2),
                    "eachMonth", rule.eachMonth()))).status()).isEqualTo(200);
            Indicator later = rename(base, "Chỉ tiêu thử, bản mới nhất");
            Map<String, Outcome> outcomes = installIndicator(later, List.of(threshold(rule, 5)));
            assertThat(outcomes).containsEntry("INDICATOR NC_CHI_TIEU", Outcome.UPGRADED)
                    .containsEntry("COMPLIANCE NC_CHI_TIEU", Outcome.KEPT_LOCAL_EDITS);
            assertThat(http.get("/api/v1/indicators/NC_CHI_TIEU/compliance", admin).json().get(0).get("threshold").asLong())
                    .isEqualTo(9);
            List<ShippedUpdate> waiting = SystemUser.call(SystemUser.SYSTEM, () -> shippedIndicators.compare(
                    List.of(later), Map.of("NC_CHI_TIEU", List.of(threshold(rule, 5)))));
            assertThat(waiting).extracting(ShippedUpdate::kind).containsExactly("COMPLIANCE");
            assertThat(Http.JSON.valueToTree(waiting).get(0).get("here").get(0).get("threshold").asLong()).isEqualTo(9);
            assertThat(Http.JSON.valueToTree(waiting).get(0).get("shipped").get(0).get("threshold").asLong()).isEqualTo(5);
            assertThat(http.get("/api/v1/indicators/shipped-updates", admin).status()).isEqualTo(200);
            LearningScenarios.ensureAccount(accounts, "nang-cap", person("Lê Văn Cường"), unit("24133.02"));
            assertThat(http.get("/api/v1/indicators/shipped-updates", token("nang-cap")).status()).isEqualTo(403);
        } finally {
            jdbc.sql("DELETE FROM indicator_compliance WHERE indicator_code = 'NC_CHI_TIEU'").update();
            jdbc.sql("DELETE FROM indicator_target WHERE indicator_code = 'NC_CHI_TIEU'").update();
            jdbc.sql("DELETE FROM indicator WHERE code = 'NC_CHI_TIEU'").update();
            releases.forget("INDICATOR", "NC_CHI_TIEU");
            releases.forget("COMPLIANCE", "NC_CHI_TIEU");
            indicators.catalogueChanged();
        }
    }

    @Test
    void aNewReleaseOfAFormIsItsNextVersionUnlessTheProvinceEditedIt() throws Exception {
        byte[] file = new org.springframework.core.io.ClassPathResource("reporting/forms/DAKLAK-2026-NAM.json")
                .getContentAsByteArray();
        try {
            assertThat(installForm(form(file, "Báo cáo thử (bản cũ)"))).isEqualTo(Outcome.INSTALLED);
            releases.forget("REPORT_FORM", "NC-BAO-CAO");
            assertThat(installForm(form(file, "Báo cáo thử (bản cũ)"))).as("read back as shipped").isEqualTo(Outcome.UNCHANGED);
            assertThat(formRepository.versions("NC-BAO-CAO")).hasSize(1);
            // as a database from before releases were recorded holds it
            releases.forget("REPORT_FORM", "NC-BAO-CAO");
            String admin = token("province-admin");

            assertThat(installForm(form(file, "Báo cáo thử"))).isEqualTo(Outcome.UPGRADED);
            JsonNode detail = http.get("/api/v1/report-forms/NC-BAO-CAO", admin).json();
            assertThat(detail.get("form").get("nameVi").asText()).isEqualTo("Báo cáo thử");
            assertThat(detail.get("versions").size()).as("reports started on version 1 keep it").isEqualTo(2);
            assertThat(formRepository.find("NC-BAO-CAO", 1).orElseThrow().nameVi()).isEqualTo("Báo cáo thử (bản cũ)");
            assertThat(installForm(form(file, "Báo cáo thử"))).isEqualTo(Outcome.UNCHANGED);

            // the province edits the form (a new version under its administrator's name)
            ReportForm mine = form(file, "Báo cáo của tỉnh");
            formRepository.addVersion(mine, "province-admin", Instant.now());
            ReportForm later = form(file, "Báo cáo thử, bản mới nhất");
            assertThat(installForm(later)).isEqualTo(Outcome.KEPT_LOCAL_EDITS);
            assertThat(http.get("/api/v1/report-forms/NC-BAO-CAO", admin).json().get("form").get("nameVi").asText())
                    .isEqualTo("Báo cáo của tỉnh");
            List<ShippedUpdate> waiting = SystemUser.call(SystemUser.SYSTEM, () -> shippedForms.compare(List.of(later)));
            assertThat(waiting).hasSize(1);
            assertThat(((ReportForm) waiting.getFirst().here()).nameVi()).isEqualTo("Báo cáo của tỉnh");
            assertThat(((ReportForm) waiting.getFirst().shipped()).nameVi()).isEqualTo("Báo cáo thử, bản mới nhất");
            assertThat(http.get("/api/v1/report-forms/shipped-updates", admin).status()).isEqualTo(200);
            LearningScenarios.ensureAccount(accounts, "nang-cap", person("Lê Văn Cường"), unit("24133.02"));
            assertThat(http.get("/api/v1/report-forms/shipped-updates", token("nang-cap")).status()).isEqualTo(403);
        } finally {
            // retired rather than deleted: a reminder may already name it
            jdbc.sql("UPDATE report_form SET active = FALSE WHERE code = 'NC-BAO-CAO'").update();
            releases.forget("REPORT_FORM", "NC-BAO-CAO");
        }
    }

    @Test
    void aNewFrameworkEditionIsAddedAndAnInstalledOneNeverRewritten() throws Exception {
        String document = ShippedFrameworks.documents().getFirst();
        String current = jdbc.sql("SELECT version FROM skills_framework WHERE is_current").query(String.class).single();
        try {
            String nine = edition(document, "NC-9.9", "Khung thử");
            assertThat(SystemUser.call(SystemUser.SYSTEM, () -> frameworks.installShipped(nine, false)))
                    .isEqualTo(Outcome.INSTALLED);
            assertThat(frameworks.current().version()).as("an older shipped edition does not take over").isEqualTo(current);
            releases.forget("FRAMEWORK", "NC-9.9");
            assertThat(SystemUser.call(SystemUser.SYSTEM, () -> frameworks.installShipped(nine, false))).isEqualTo(Outcome.UNCHANGED);
            assertThat(releases.release("FRAMEWORK", "NC-9.9")).isPresent();

            // the release words the installed edition differently: it waits, the stored edition stays
            String reworded = edition(document, "NC-9.9", "Khung thử, viết lại");
            assertThat(SystemUser.call(SystemUser.SYSTEM, () -> frameworks.installShipped(reworded, false))).isEqualTo(Outcome.KEPT_LOCAL_EDITS);
            String admin = token("province-admin");
            assertThat(http.get("/api/v1/skills/frameworks/NC-9.9", admin).json().get("title").get("vi").asText())
                    .isEqualTo("Khung thử");
            List<ShippedUpdate> waiting = SystemUser.call(SystemUser.SYSTEM,
                    () -> frameworks.compareShipped(List.of(reworded)));
            assertThat(waiting).hasSize(1);
            JsonNode side = Http.JSON.valueToTree(waiting.getFirst());
            assertThat(side.get("here").get("title").get("vi").asText()).isEqualTo("Khung thử");
            assertThat(side.get("shipped").get("title").get("vi").asText()).isEqualTo("Khung thử, viết lại");
            assertThat(http.get("/api/v1/skills/frameworks/shipped-updates", admin).status()).isEqualTo(200);
            LearningScenarios.ensureAccount(accounts, "nang-cap", person("Lê Văn Cường"), unit("24133.02"));
            assertThat(http.get("/api/v1/skills/frameworks/shipped-updates", token("nang-cap")).status()).isEqualTo(403);

            // a province running the shipped edition gets the release's newest one as current; the old stays
            jdbc.sql("UPDATE skills_framework SET is_current = (version = '1.0')").update();
            String ten = edition(document, "NC-9.10", "Khung thử mới");
            assertThat(SystemUser.call(SystemUser.SYSTEM, () -> frameworks.installShipped(ten, true))).isEqualTo(Outcome.INSTALLED);
            assertThat(frameworks.current().version()).isEqualTo("NC-9.10");
            assertThat(frameworks.find("1.0")).isPresent();
        } finally {
            jdbc.sql("UPDATE skills_framework SET is_current = (version = ?)").param(current).update();
            jdbc.sql("DELETE FROM skills_framework WHERE version IN ('NC-9.9', 'NC-9.10')").update();
            releases.forget("FRAMEWORK", "NC-9.9");
            releases.forget("FRAMEWORK", "NC-9.10");
        }
    }

    private Map<String, Outcome> install(List<Question> release) {
        return SystemUser.call(SystemUser.SYSTEM, () -> bank.installShipped(release));
    }

    private static Question copy(Question q, String code, String prompt, List<Integer> answer) {
        return new Question(code, q.frameworkVersion(), q.competency(), q.targetGroups(), q.type(), q.difficulty(), prompt,
                q.options(), answer, q.explanation(), true, 0, 0);
    }

    /** An attempt started before the upgrade, its one item the question, options shown in their own order. */
    private void startedAttempt(String id, long personId, String code, int options) {
        Instant now = Instant.now();
        String group = jdbc.sql("SELECT target_groups FROM question WHERE code = ?").param(code).query(String.class)
                .single().split(",")[0];
        String order = String.join(",", java.util.stream.IntStream.range(0, options).mapToObj(String::valueOf).toList());
        // a pass mark no score reaches: the test attempt must not certify anyone in the shared database
        jdbc.sql("""
                INSERT INTO exam_attempt (id, person_id, target_group, framework_version, status, active_person_id,
                                          started_at, deadline, pass_percent, question_count, unit_path)
                VALUES (?, ?, ?, (SELECT framework_version FROM question WHERE code = ?), 'ACTIVE', ?, ?, ?, 101, 1,
                        (SELECT u.path FROM person p JOIN unit u ON u.id = p.residence_unit_id WHERE p.id = ?))""")
                .params(id, personId, group, code, personId, Timestamp.from(now),
                        Timestamp.from(now.plus(1, ChronoUnit.HOURS)), personId)
                .update();
        jdbc.sql("""
                INSERT INTO exam_item (attempt_id, position, question_id, option_order)
                VALUES (?, 1, (SELECT id FROM question WHERE code = ?), ?)""").params(id, code, order).update();
    }

    private Map<String, Outcome> installIndicator(Indicator i, List<ComplianceRule> rules) {
        return SystemUser.call(SystemUser.SYSTEM, () -> shippedIndicators.install(List.of(i), Map.of(i.code(), rules)));
    }

    private static Indicator rename(Indicator i, String name) {
        return new Indicator("NC_CHI_TIEU", name, name, i.measure(), i.source(), i.metric(), i.groups(), i.targetLevel(),
                i.frequency(), 0);
    }

    private static ComplianceRule threshold(ComplianceRule r, long threshold) {
        return new ComplianceRule(r.metric(), r.kinds(), r.comparison(), threshold, r.from(), r.to(), r.eachMonth());
    }

    private Outcome installForm(ReportForm form) {
        return SystemUser.call(SystemUser.SYSTEM, () -> shippedForms.install(List.of(form))).get(form.code());
    }

    private ReportForm form(byte[] file, String name) {
        ObjectNode json = (ObjectNode) Http.JSON.readTree(file);
        json.put("code", "NC-BAO-CAO");
        ((ObjectNode) json.get("name")).put("vi", name);
        return shippedForms.read(Http.JSON.writeValueAsBytes(json), "NC-BAO-CAO.json");
    }

    private static String edition(String document, String version, String title) {
        ObjectNode json = (ObjectNode) Http.JSON.readTree(document);
        json.put("version", version);
        ((ObjectNode) json.get("title")).put("vi", title);
        return new String(Http.JSON.writeValueAsBytes(json), StandardCharsets.UTF_8);
    }
}

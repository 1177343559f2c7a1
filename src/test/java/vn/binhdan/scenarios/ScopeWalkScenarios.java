package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.binhdan.assessment.AttemptPassed;
import vn.binhdan.certification.Certificates;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * Walks every API endpoint the application maps, as the officer of Phường Buôn Ma Thuột, with
 * the ids of records outside that ward: nothing may be read or changed. An endpoint missing
 * from the table fails the test, so a new endpoint cannot ship without its scope check.
 */
public abstract class ScopeWalkScenarios extends EndToEnd {

    static final String STARTER = LearningScenarios.STARTER;
    static final String REPORT_FORM = ReportingScenarios.FORM;

    @Autowired
    Certificates certificates;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theCommuneOfficerCannotSeeOrChangeAnythingOutsideTheCommune() {
        String officer = token("commune-officer");
        String admin = token("province-admin");
        OutsidePlan hp = hoaPhusPlan(admin);
        long otherCommune = unit("24175");
        long province = unit("66");
        long otherPerson = person("H'Hen Niê");
        String adminsImport = http.upload("/api/v1/imports", admin, Map.of("kind", "UNIT"), "u.csv",
                "code,name,type,parent_code\n24175.09,Buôn Mới,buôn,24175\n".getBytes(StandardCharsets.UTF_8))
                .json().get("job").get("id").asText();
        String firstLesson = firstLesson();
        String cert = hensCertificate();
        OutsideTeam ht = hoaPhusTeam(admin);
        hoaPhusCommunity(admin);
        OutsideCascade cc = hoaPhusCascade(admin);
        OutsideContest oc = contests(admin);
        OutsidePrivacy op = hoaPhusPrivacy();
        OutsideRewards or = rewards(admin);
        long hpLine = hoaPhusBudgetLine(admin, hp.plan());
        long hpSpending = hoaPhusSpending(admin, hpLine);
        OutsidePartner pt = provincePartner(admin);
        String before = snapshot();

        Map<String, Consumer<String>> walk = new LinkedHashMap<>();
        walk.put("PUT /api/v1/accounts/{username}/enabled", t -> denied(http.put("/api/v1/accounts/team-member/enabled", t,
                World.map("enabled", false))));
        walk.put("GET /api/v1/me", t -> assertThat(ok(http.get("/api/v1/me", t)).body())
                .contains("commune-officer").doesNotContain("\"unitPath\":\"/" + province + "/\""));
        walk.put("GET /api/v1/units", t -> {
            assertThat(ok(http.get("/api/v1/units", t)).body()).contains("Buôn Ma Thuột").doesNotContain("Hòa Phú", "Tỉnh");
            denied(http.get("/api/v1/units?code=24175", t));
        });
        walk.put("GET /api/v1/units/{id}", t -> {
            denied(http.get("/api/v1/units/" + otherCommune, t));
            denied(http.get("/api/v1/units/" + province, t));
        });
        walk.put("GET /api/v1/units/{id}/children", t -> denied(http.get("/api/v1/units/" + province + "/children", t)));
        walk.put("GET /api/v1/units/{id}/subtree", t -> denied(http.get("/api/v1/units/" + province + "/subtree", t)));
        walk.put("GET /api/v1/units/{id}/history", t -> denied(http.get("/api/v1/units/" + otherCommune + "/history", t)));
        walk.put("POST /api/v1/units/{id}/rename", t -> {
            denied(http.post("/api/v1/units/" + otherCommune + "/rename", t, World.map("name", "Tên Mới", "effective", LocalDate.now().toString())));
            // an officer administers people, not the unit tree, even of their own ward
            denied(http.post("/api/v1/units/" + unit("24133") + "/rename", t, World.map("name", "Tên Mới", "effective", LocalDate.now().toString())));
        });
        walk.put("POST /api/v1/units/{id}/merge", t -> denied(http.post("/api/v1/units/" + unit("24133") + "/merge", t,
                World.map("sourceIds", List.of(otherCommune), "effective", LocalDate.now().toString()))));
        walk.put("GET /api/v1/units/{id}/counts", t -> denied(http.get("/api/v1/units/" + province + "/counts", t)));
        walk.put("GET /api/v1/units/{id}/denominators", t -> denied(http.get("/api/v1/units/" + otherCommune + "/denominators?year=2026", t)));
        walk.put("PUT /api/v1/units/{id}/denominators", t -> denied(http.put("/api/v1/units/" + otherCommune + "/denominators", t,
                World.map("group", "ADULT", "year", 2026, "value", 1))));
        walk.put("GET /api/v1/persons", t -> {
            assertThat(ok(http.get("/api/v1/persons?q=hen", t)).body()).isEqualTo("[]");
            assertThat(ok(http.get("/api/v1/persons?q=tran%20thi%20binh", t)).body()).isEqualTo("[]");
            denied(http.get("/api/v1/persons?q=&unitId=" + otherCommune, t));
        });
        walk.put("GET /api/v1/persons/{id}", t -> denied(http.get("/api/v1/persons/" + otherPerson, t)));
        walk.put("PUT /api/v1/persons/{id}", t -> denied(http.put("/api/v1/persons/" + otherPerson, t, World.map(
                "fullName", "Đổi Tên", "birthDate", "1979-11-20", "sex", "FEMALE", "residenceUnitCode", "24175.01"))));
        walk.put("POST /api/v1/persons", t -> denied(http.post("/api/v1/persons", t, World.map("fullName", "Người Mới",
                "birthDate", "1990-01-01", "sex", "MALE", "idNumber", "066090999999", "residenceUnitCode", "24175.01"))));
        walk.put("POST /api/v1/imports", t -> denied(http.upload("/api/v1/imports", t, Map.of("kind", "UNIT"), "u.csv",
                "code,name,type,parent_code\n24175.10,Buôn Khác,buôn,24175\n".getBytes(StandardCharsets.UTF_8))));
        walk.put("GET /api/v1/imports", t -> assertThat(ok(http.get("/api/v1/imports", t)).body()).doesNotContain(adminsImport));
        walk.put("GET /api/v1/imports/{id}", t -> denied(http.get("/api/v1/imports/" + adminsImport, t)));
        walk.put("POST /api/v1/imports/{id}/start", t -> denied(http.post("/api/v1/imports/" + adminsImport + "/start", t, null)));
        walk.put("DELETE /api/v1/imports/{id}", t -> denied(http.delete("/api/v1/imports/" + adminsImport, t)));
        walk.put("GET /api/v1/imports/{id}/errors.xlsx", t -> denied(http.get("/api/v1/imports/" + adminsImport + "/errors.xlsx", t)));
        walk.put("GET /api/v1/audit", t -> denied(http.get("/api/v1/audit", t)));
        walk.put("GET /api/v1/skills/frameworks", t -> assertThat(ok(http.get("/api/v1/skills/frameworks", t)).body()).contains("1.0"));
        walk.put("GET /api/v1/skills/frameworks/current", t -> ok(http.get("/api/v1/skills/frameworks/current", t)));
        walk.put("GET /api/v1/skills/frameworks/{version}", t -> ok(http.get("/api/v1/skills/frameworks/1.0", t)));
        walk.put("GET /api/v1/skills/frameworks/shipped-updates", t -> denied(http.get("/api/v1/skills/frameworks/shipped-updates", t)));
        walk.put("POST /api/v1/skills/frameworks", t -> denied(http.post("/api/v1/skills/frameworks", t,
                World.map("version", "9.9", "title", World.map("vi", "x"), "areas", List.of()))));
        walk.put("GET /api/v1/courses", t -> assertThat(ok(http.get("/api/v1/courses", t)).body()).contains(STARTER));
        walk.put("GET /api/v1/courses/{code}", t -> ok(http.get("/api/v1/courses/" + STARTER, t)));
        // the officer has no learner record: learning endpoints say so and change nothing
        walk.put("POST /api/v1/courses/{code}/enrolment", t -> noLearner(http.post("/api/v1/courses/" + STARTER + "/enrolment", t, null)));
        // an account without a learner record reads a lesson for reference; nothing is recorded for it
        walk.put("GET /api/v1/courses/{code}/lessons/{lesson}", t -> assertThat(ok(http.get(
                LearningScenarios.lesson(STARTER, firstLesson), t)).json().get("progressKept").asBoolean()).isFalse());
        walk.put("GET /api/v1/courses/shipped-updates", t -> denied(http.get("/api/v1/courses/shipped-updates", t)));
        walk.put("POST /api/v1/courses/{code}/lessons/{lesson}/completion", t -> noLearner(http.post(
                LearningScenarios.lesson(STARTER, firstLesson) + "/completion", t, null)));
        walk.put("POST /api/v1/courses/{code}/lessons/{lesson}/answers", t -> noLearner(http.post(
                LearningScenarios.lesson(STARTER, firstLesson) + "/answers", t, World.map("answers", List.of(List.of(0))))));
        walk.put("GET /api/v1/me/courses", t -> assertThat(ok(http.get("/api/v1/me/courses", t)).body()).isEqualTo("[]"));
        walk.put("GET /api/v1/me/learning-history", t -> noLearner(http.get("/api/v1/me/learning-history", t)));
        walk.put("POST /api/v1/courses/{code}/enrolments", t -> {
            denied(http.post("/api/v1/courses/" + STARTER + "/enrolments", t, World.map("personId", otherPerson)));
            denied(http.post("/api/v1/courses/" + STARTER + "/enrolments", t, World.map("unitId", otherCommune, "group", "ADULT")));
            denied(http.post("/api/v1/courses/" + STARTER + "/enrolments", t, World.map("unitId", province, "group", "ADULT")));
        });
        walk.put("POST /api/v1/course-packages", t -> denied(http.upload("/api/v1/course-packages", t, Map.of(), "c.zip",
                "PK".getBytes(StandardCharsets.UTF_8))));
        walk.put("GET /api/v1/courses/{code}/package", t -> denied(http.get("/api/v1/courses/" + STARTER + "/package", t)));
        walk.put("GET /api/v1/exam-blueprints", t -> ok(http.get("/api/v1/exam-blueprints", t)));
        walk.put("GET /api/v1/exam-blueprints/{group}", t -> ok(http.get("/api/v1/exam-blueprints/ADULT", t)));
        walk.put("PUT /api/v1/exam-blueprints/{group}", t -> denied(http.put("/api/v1/exam-blueprints/ADULT", t,
                World.map("perArea", World.map("1", 1), "easyPercent", 100, "mediumPercent", 0, "hardPercent", 0,
                        "timeLimitMinutes", 10, "passPercent", 50, "maxAttempts", 1, "waitHours", 0))));
        walk.put("GET /api/v1/questions", t -> denied(http.get("/api/v1/questions", t)));
        walk.put("GET /api/v1/questions/sheet.xlsx", t -> denied(http.get("/api/v1/questions/sheet.xlsx", t)));
        walk.put("GET /api/v1/questions/{code}", t -> denied(http.get("/api/v1/questions/Q-ANY", t)));
        walk.put("GET /api/v1/questions/shipped-updates", t -> denied(http.get("/api/v1/questions/shipped-updates", t)));
        walk.put("PUT /api/v1/questions/{code}", t -> denied(http.put("/api/v1/questions/Q-ANY", t, World.map(
                "competency", "1.1", "targetGroups", List.of("ADULT"), "type", "SINGLE", "difficulty", 1,
                "prompt", "?", "options", List.of("a", "b"), "answer", "A"))));
        long hensConfirmation = jdbc.sql("SELECT id FROM confirmation_outbox WHERE certificate_id = ?").param(cert)
                .query(Long.class).single();
        walk.put("GET /api/v1/confirmations", t -> assertThat(ok(http.get("/api/v1/confirmations", t)).body())
                .doesNotContain(cert));
        walk.put("POST /api/v1/confirmations/{id}/retry", t -> denied(http.post("/api/v1/confirmations/"
                + hensConfirmation + "/retry", t, null)));
        walk.put("GET /api/v1/exam-integrity-flags", t -> denied(http.get("/api/v1/exam-integrity-flags", t)));
        walk.put("GET /api/v1/me/exams", t -> noLearner(http.get("/api/v1/me/exams", t)));
        walk.put("POST /api/v1/me/exams/{group}/attempts", t -> noLearner(http.post("/api/v1/me/exams/ADULT/attempts", t, null)));
        walk.put("GET /api/v1/me/exam-attempts/{id}", t -> noLearner(http.get("/api/v1/me/exam-attempts/x", t)));
        walk.put("PUT /api/v1/me/exam-attempts/{id}/items/{position}", t -> noLearner(http.put(
                "/api/v1/me/exam-attempts/x/items/1", t, World.map("choice", List.of(0)))));
        walk.put("POST /api/v1/me/exam-attempts/{id}/submit", t -> noLearner(http.post("/api/v1/me/exam-attempts/x/submit", t, null)));
        walk.put("GET /api/v1/me/exam-attempts/{id}/result", t -> noLearner(http.get("/api/v1/me/exam-attempts/x/result", t)));
        walk.put("GET /api/v1/me/certificates", t -> assertThat(ok(http.get("/api/v1/me/certificates", t)).body()).isEqualTo("[]"));
        walk.put("GET /api/v1/me/path", t -> noLearner(http.get("/api/v1/me/path", t)));
        walk.put("POST /api/v1/me/placement", t -> noLearner(http.post("/api/v1/me/placement", t, null)));
        walk.put("GET /api/v1/me/placement/{id}", t -> noLearner(http.get("/api/v1/me/placement/1", t)));
        walk.put("POST /api/v1/me/placement/{id}/answers", t -> noLearner(http.post("/api/v1/me/placement/1/answers", t,
                World.map("question", "KNS-1.1-01", "answer", List.of(0)))));
        walk.put("GET /api/v1/units/{unitId}/competency-mastery", t -> denied(http.get("/api/v1/units/" + otherCommune
                + "/competency-mastery", t)));
        walk.put("GET /api/v1/certificates/{id}", t -> denied(http.get("/api/v1/certificates/" + cert, t)));
        walk.put("GET /api/v1/certificates/{id}/credential", t -> denied(http.get("/api/v1/certificates/" + cert + "/credential", t)));
        walk.put("GET /api/v1/certificates/{id}/pdf", t -> denied(http.get("/api/v1/certificates/" + cert + "/pdf", t)));
        walk.put("POST /api/v1/certificates/{id}/revoke", t -> denied(http.post("/api/v1/certificates/" + cert + "/revoke", t,
                World.map("reason", "thử"))));
        walk.put("GET /api/v1/credentials/{id}/verify", t -> assertThat(ok(http.get("/api/v1/credentials/" + cert + "/verify", t))
                .body()).contains("\"VALID\"").doesNotContain("H'Hen Niê"));
        walk.put("POST /api/v1/credentials/verify", t -> ok(http.post("/api/v1/credentials/verify", t, World.map("id", "x"))));
        walk.put("POST /api/v1/issuers/{code}/keys", t -> denied(http.post("/api/v1/issuers/66/keys", t, null)));
        int year = LocalDate.now().getYear();
        walk.put("GET /api/v1/indicators", t -> assertThat(ok(http.get("/api/v1/indicators", t)).body()).contains("CERTIFIED_SHARE"));
        walk.put("GET /api/v1/indicators/shipped-updates", t -> denied(http.get("/api/v1/indicators/shipped-updates", t)));
        walk.put("GET /api/v1/units/{unitId}/targets", t -> denied(http.get("/api/v1/units/" + otherCommune + "/targets", t)));
        walk.put("PUT /api/v1/indicators/{code}/targets", t -> {
            denied(http.put("/api/v1/indicators/CERTIFIED_SHARE/targets", t,
                    World.map("unitId", otherCommune, "group", "ADULT", "year", year, "value", 10)));
            denied(http.put("/api/v1/indicators/CERTIFIED_SHARE/targets", t,
                    World.map("unitId", province, "group", "ADULT", "year", year, "value", 10)));
        });
        walk.put("GET /api/v1/ranking/criteria", t -> assertThat(ok(http.get("/api/v1/ranking/criteria", t)).body())
                .contains("CERTIFIED_SHARE"));
        walk.put("PUT /api/v1/ranking/criteria", t -> denied(http.put("/api/v1/ranking/criteria", t,
                List.of(World.map("indicatorCode", "CERTIFIED_SHARE", "group", "ADULT", "weight", 5)))));
        walk.put("GET /api/v1/ranking/missing-data", t -> assertThat(ok(http.get("/api/v1/ranking/missing-data", t)).body())
                .contains("missingData"));
        walk.put("PUT /api/v1/ranking/missing-data", t -> denied(http.put("/api/v1/ranking/missing-data", t,
                World.map("missingData", "EXCLUDE"))));
        walk.put("POST /api/v1/monitoring/check", t -> denied(http.post("/api/v1/monitoring/check", t, null)));
        walk.put("POST /api/v1/monitoring/rebuild", t -> denied(http.post("/api/v1/monitoring/rebuild", t, null)));
        walk.put("GET /api/v1/dashboard/{unitId}", t -> {
            denied(http.get("/api/v1/dashboard/" + otherCommune, t));
            denied(http.get("/api/v1/dashboard/" + province, t));
        });
        walk.put("GET /api/v1/dashboard/{unitId}/compliance/{code}", t -> {
            denied(http.get("/api/v1/dashboard/" + otherCommune + "/compliance/CLASSES_BY_JUNE", t));
            denied(http.get("/api/v1/dashboard/" + province + "/compliance/CLASSES_BY_JUNE", t));
        });
        walk.put("GET /api/v1/indicators/{code}/compliance", t -> assertThat(ok(http.get(
                "/api/v1/indicators/CLASSES_BY_JUNE/compliance", t)).body()).contains("CLASSES_HELD"));
        walk.put("PUT /api/v1/indicators/{code}/compliance", t -> denied(http.put("/api/v1/indicators/CLASSES_BY_JUNE/compliance",
                t, List.of(World.map("metric", "CLASSES_HELD", "comparison", "GE", "threshold", 1, "from", "1/1",
                        "to", "30/6", "eachMonth", false)))));
        walk.put("GET /api/v1/dashboard/{unitId}/certified", t -> {
            denied(http.get("/api/v1/dashboard/" + otherCommune + "/certified?group=WORKER", t));
            denied(http.get("/api/v1/dashboard/" + province + "/certified?group=WORKER", t));
        });
        String planApi = "/api/v1/plans/" + hp.plan();
        String taskApi = planApi + "/tasks/" + hp.task();
        walk.put("GET /api/v1/plans", t -> assertThat(ok(http.get("/api/v1/plans", t)).body()).doesNotContain(OutsidePlan.TITLE));
        walk.put("POST /api/v1/plans", t -> denied(http.post("/api/v1/plans", t, World.map("title", "Kế hoạch khác",
                "issuerUnitId", otherCommune, "fromYear", 2026))));
        walk.put("GET /api/v1/plans/{id}", t -> denied(http.get(planApi, t)));
        // the budget of Xã Hòa Phú's plan: neither read nor added to, nor spent from
        walk.put("GET /api/v1/plans/{planId}/budget", t -> denied(http.get("/api/v1/plans/" + hp.plan() + "/budget", t)));
        walk.put("POST /api/v1/plans/{planId}/budget-lines", t -> denied(http.post("/api/v1/plans/" + hp.plan()
                + "/budget-lines", t, World.map("unitId", unit("24133"), "source", "COMMUNE", "title", "x", "estimate", 1))));
        walk.put("POST /api/v1/budget-lines/{id}/spending", t -> denied(http.post("/api/v1/budget-lines/" + hpLine
                + "/spending", t, World.map("year", 2026, "quarter", 1, "amount", 1, "documentRef", "x"))));
        walk.put("GET /api/v1/budget-lines/{id}", t -> denied(http.get("/api/v1/budget-lines/" + hpLine, t)));
        walk.put("PUT /api/v1/budget-spending/{id}", t -> denied(http.put("/api/v1/budget-spending/" + hpSpending, t,
                World.map("amount", 1))));
        // the province's partners: neither listed, read, registered, nor committed or delivered for
        walk.put("GET /api/v1/partners", t -> {
            assertThat(ok(http.get("/api/v1/partners", t)).body()).doesNotContain(OutsidePartner.NAME);
            denied(http.get("/api/v1/partners?unitId=" + province, t));
        });
        walk.put("POST /api/v1/partners", t -> denied(http.post("/api/v1/partners", t, World.map("unitId", province,
                "name", "Đối tác khác", "kind", "BANK"))));
        walk.put("GET /api/v1/partners/{id}", t -> denied(http.get("/api/v1/partners/" + pt.partner(), t)));
        walk.put("POST /api/v1/partners/{id}/commitments", t -> denied(http.post("/api/v1/partners/" + pt.partner()
                + "/commitments", t, World.map("kind", "CLASSES", "description", "x", "quantity", 1, "startsOn", "2026-01-01",
                "endsOn", "2026-12-31"))));
        walk.put("POST /api/v1/partner-commitments/{id}/deliveries", t -> denied(http.post("/api/v1/partner-commitments/"
                + pt.commitment() + "/deliveries", t, World.map("deliveredOn", "2026-01-02", "quantity", 1, "documentRef", "x"))));
        walk.put("PUT /api/v1/plans/{id}", t -> denied(http.put(planApi, t, World.map("title", "Đổi tên",
                "issuerUnitId", otherCommune, "fromYear", 2026))));
        walk.put("POST /api/v1/plans/{id}/tasks/import", t -> denied(http.upload(planApi + "/tasks/import", t, Map.of(),
                "bang.csv", OutsidePlan.TABLE)));
        walk.put("POST /api/v1/plans/{id}/tasks", t -> denied(http.post(planApi + "/tasks", t, World.map("content", "Thêm"))));
        walk.put("GET /api/v1/plans/{id}/unmatched", t -> denied(http.get(planApi + "/unmatched", t)));
        walk.put("PUT /api/v1/plans/{id}/links/{linkId}", t -> denied(http.put(planApi + "/links/" + hp.link(), t,
                World.map("unitId", unit("24133-UBND")))));
        walk.put("GET /api/v1/plans/{id}/tasks/{taskId}", t -> denied(http.get(taskApi, t)));
        walk.put("PUT /api/v1/plans/{id}/tasks/{taskId}", t -> denied(http.put(taskApi, t, World.map("content", "Đổi",
                "leads", "UBND phường Buôn Ma Thuột"))));
        walk.put("POST /api/v1/plans/{id}/tasks/{taskId}/notes", t -> denied(http.post(taskApi + "/notes", t,
                World.map("status", "DONE", "note", "xong"))));
        walk.put("POST /api/v1/plans/{id}/tasks/{taskId}/evidence", t -> denied(http.upload(taskApi + "/evidence", t,
                Map.of(), "x.pdf", OutsidePlan.PDF)));
        walk.put("GET /api/v1/plans/{id}/tasks/{taskId}/evidence/{evidenceId}", t -> denied(http.get(taskApi
                + "/evidence/" + hp.evidence(), t)));
        // periodic reports: another commune's report and the province's overview are out of reach, and the
        // ward decides nothing about its own report (the level above does)
        String otherReport = "/api/v1/reports/" + REPORT_FORM + "/" + otherCommune + "/2026Q1";
        String provinceReport = "/api/v1/reports/" + REPORT_FORM + "/" + province + "/2026Q1";
        String ownReport = "/api/v1/reports/" + REPORT_FORM + "/" + unit("24133") + "/2026Q1";
        // setting up forms is the province's: an officer neither lists, reads, makes nor edits one
        Map<String, Object> yearly = World.map("code", "XA-TU-LAP", "nameVi", "Báo cáo của xã", "periodType", "YEAR",
                "dueRule", "FIXED_DATE 12-10", "reporters", List.of("WARD"), "indicators", List.of("CLASSES_HELD"));
        walk.put("GET /api/v1/report-forms", t -> denied(http.get("/api/v1/report-forms", t)));
        walk.put("POST /api/v1/report-forms", t -> denied(http.post("/api/v1/report-forms", t, yearly)));
        walk.put("GET /api/v1/report-forms/{code}", t -> denied(http.get("/api/v1/report-forms/" + REPORT_FORM, t)));
        walk.put("GET /api/v1/report-forms/shipped-updates", t -> denied(http.get("/api/v1/report-forms/shipped-updates", t)));
        walk.put("PUT /api/v1/report-forms/{code}", t -> denied(http.put("/api/v1/report-forms/" + REPORT_FORM, t, yearly)));
        walk.put("GET /api/v1/reports/contacts/{unitId}", t -> denied(http.get("/api/v1/reports/contacts/" + otherCommune, t)));
        walk.put("PUT /api/v1/reports/contacts/{unitId}", t -> {
            denied(http.put("/api/v1/reports/contacts/" + otherCommune, t, World.map("email", "xa@khac.vn")));
            denied(http.put("/api/v1/reports/contacts/" + province, t, World.map("email", "tinh@khac.vn")));
        });
        walk.put("GET /api/v1/reports/{form}/{unitId}/{period}/reminders", t -> denied(http.get("/api/v1/reports/"
                + REPORT_FORM + "/" + province + "/2026Q1/reminders", t)));
        walk.put("GET /api/v1/reports/forms", t -> assertThat(ok(http.get("/api/v1/reports/forms", t)).body()).contains(REPORT_FORM));
        walk.put("GET /api/v1/reports/queue", t -> assertThat(ok(http.get("/api/v1/reports/queue", t)).body()).isEqualTo("[]"));
        walk.put("GET /api/v1/reports/{form}/{unitId}/{period}", t -> {
            denied(http.get(otherReport, t));
            denied(http.get(provinceReport, t));
        });
        walk.put("PUT /api/v1/reports/{form}/{unitId}/{period}", t -> denied(http.put(otherReport, t,
                World.map("texts", World.map("RESULTS", "Sửa báo cáo của xã khác")))));
        walk.put("POST /api/v1/reports/{form}/{unitId}/{period}/submit", t -> denied(http.post(otherReport + "/submit", t, null)));
        walk.put("POST /api/v1/reports/{form}/{unitId}/{period}/approve", t -> {
            denied(http.post(otherReport + "/approve", t, null));
            denied(http.post(ownReport + "/approve", t, null));
        });
        walk.put("POST /api/v1/reports/{form}/{unitId}/{period}/return", t -> {
            denied(http.post(otherReport + "/return", t, World.map("comment", "Trả lại")));
            denied(http.post(ownReport + "/return", t, World.map("comment", "Trả lại")));
        });
        walk.put("GET /api/v1/reports/{form}/{unitId}/{period}/completeness", t -> denied(http.get(provinceReport + "/completeness", t)));
        walk.put("POST /api/v1/reports/{form}/{unitId}/{period}/reminders", t -> denied(http.post(provinceReport + "/reminders", t, null)));
        walk.put("GET /api/v1/reports/{form}/{unitId}/{period}/consolidated", t -> denied(http.get(provinceReport + "/consolidated", t)));
        walk.put("GET /api/v1/reports/{form}/{unitId}/{period}/consolidated.xlsx", t -> denied(http.get(provinceReport
                + "/consolidated.xlsx", t)));
        walk.put("GET /api/v1/reports/{form}/{unitId}/{period}/consolidated.{format:docx|pdf}", t -> {
            denied(http.get(provinceReport + "/consolidated.docx", t));
            denied(http.get(otherReport + "/consolidated.pdf", t));
        });
        // validation: the run over the province or another commune, and the rules, which only a province administers
        walk.put("GET /api/v1/reports/{form}/{unitId}/{period}/validation", t -> {
            denied(http.get(provinceReport + "/validation", t));
            denied(http.get(otherReport + "/validation", t));
        });
        walk.put("GET /api/v1/reports/{form}/{unitId}/{period}/validation.xlsx", t -> denied(http.get(provinceReport
                + "/validation.xlsx", t)));
        walk.put("GET /api/v1/reports/validation-rules", t -> assertThat(ok(http.get("/api/v1/reports/validation-rules", t))
                .body()).contains("NUMERATOR_NOT_ABOVE_DENOMINATOR"));
        Map<String, Object> rule = World.map("code", "WALK_RULE", "indicatorCode", "VNEID_CONFIRMED_SHARE",
                "leftSide", "numerator", "operator", ">=", "rightSide", "0", "importance", "ERROR", "messageVi", "Âm");
        walk.put("POST /api/v1/reports/validation-rules", t -> denied(http.post("/api/v1/reports/validation-rules", t, rule)));
        walk.put("PUT /api/v1/reports/validation-rules/{code}", t -> denied(http.put(
                "/api/v1/reports/validation-rules/NUMERATOR_NOT_ABOVE_DENOMINATOR", t, rule)));
        walk.put("POST /api/v1/reports/validation-rules/{code}/deactivate", t -> denied(http.post(
                "/api/v1/reports/validation-rules/NUMERATOR_NOT_ABOVE_DENOMINATOR/deactivate", t, null)));
        walk.put("POST /api/v1/reports/validation-rules/{code}/activate", t -> denied(http.post(
                "/api/v1/reports/validation-rules/NUMERATOR_NOT_ABOVE_DENOMINATOR/activate", t, null)));
        // classes, outreach and events of Xã Hòa Phú: out of reach; the officer has no learner record to check in with
        OutsideCommunity hc = hoaPhusCommunity(admin);
        String classApi = "/api/v1/classes/" + hc.classId();
        String sessionApi = classApi + "/sessions/" + hc.sessionId();
        String eventApi = "/api/v1/events/" + hc.eventId();
        walk.put("GET /api/v1/classes", t -> {
            assertThat(ok(http.get("/api/v1/classes", t)).body()).doesNotContain(OutsideCommunity.TITLE);
            denied(http.get("/api/v1/classes?unitId=" + otherCommune, t));
        });
        walk.put("POST /api/v1/classes", t -> denied(http.post("/api/v1/classes", t, World.map("unitId", unit("24175.01"),
                "title", "Lớp khác", "sessions", List.of(World.map("date", LocalDate.now().toString(), "startsAt", "08:00",
                        "endsAt", "09:00"))))));
        walk.put("GET /api/v1/classes/{id}", t -> denied(http.get(classApi, t)));
        walk.put("DELETE /api/v1/classes/{id}", t -> denied(http.delete(classApi, t)));
        walk.put("POST /api/v1/classes/{id}/sessions", t -> denied(http.post(classApi + "/sessions", t,
                World.map("date", LocalDate.now().toString(), "startsAt", "08:00", "endsAt", "09:00"))));
        walk.put("POST /api/v1/classes/{id}/sessions/{sessionId}/held", t -> denied(http.post(sessionApi + "/held", t, null)));
        walk.put("GET /api/v1/classes/{id}/sessions/{sessionId}/checkin-code", t -> denied(http.get(sessionApi
                + "/checkin-code", t)));
        walk.put("GET /api/v1/classes/{id}/sessions/{sessionId}/attendance", t -> denied(http.get(sessionApi + "/attendance", t)));
        walk.put("POST /api/v1/classes/{id}/sessions/{sessionId}/attendance", t -> denied(http.post(sessionApi
                + "/attendance", t, World.map("personId", otherPerson))));
        walk.put("DELETE /api/v1/classes/{id}/sessions/{sessionId}/attendance/{personId}", t -> denied(http.delete(sessionApi
                + "/attendance/" + otherPerson, t)));
        walk.put("POST /api/v1/classes/{id}/enrolments", t -> denied(http.post(classApi + "/enrolments", t, null)));
        walk.put("POST /api/v1/classes/checkin", t -> noLearner(http.post("/api/v1/classes/checkin", t,
                World.map("token", hc.token()))));
        walk.put("GET /api/v1/me/checkin-code", t -> noLearner(http.get("/api/v1/me/checkin-code", t)));
        walk.put("GET /api/v1/outreach", t -> denied(http.get("/api/v1/outreach?unitId=" + otherCommune, t)));
        walk.put("POST /api/v1/outreach", t -> denied(http.post("/api/v1/outreach", t, World.map("unitId", otherCommune,
                "publishedOn", LocalDate.now().toString(), "channel", "SMS", "title", "Tin nhắn"))));
        walk.put("DELETE /api/v1/outreach/{id}", t -> denied(http.delete("/api/v1/outreach/" + hc.outreachId(), t)));
        walk.put("GET /api/v1/events", t -> assertThat(ok(http.get("/api/v1/events", t)).body())
                .doesNotContain(OutsideCommunity.EVENT));
        walk.put("POST /api/v1/events", t -> denied(http.post("/api/v1/events", t, World.map("kind", "OTHER", "title", "Khác",
                "heldOn", LocalDate.now().toString(), "unitId", otherCommune))));
        walk.put("GET /api/v1/events/{id}", t -> denied(http.get(eventApi, t)));
        walk.put("PUT /api/v1/events/{id}/participants/{unitId}", t -> {
            denied(http.put(eventApi + "/participants/" + otherCommune, t, World.map("participants", 5)));
            denied(http.put(eventApi + "/participants/" + unit("24133"), t, World.map("participants", 5)));
        });
        walk.put("DELETE /api/v1/events/{id}", t -> denied(http.delete(eventApi, t)));
        // ambassadors, families, markets and nominations of Xã Hòa Phú
        String nominationApi = "/api/v1/recognition/nominations/" + cc.nomination();
        String marketApi = "/api/v1/markets/" + cc.market();
        walk.put("GET /api/v1/ambassadors/cascades", t -> assertThat(ok(http.get("/api/v1/ambassadors/cascades", t)).body())
                .doesNotContain(OutsideCascade.GUIDE));
        walk.put("GET /api/v1/ambassadors/cascades/{personId}", t -> denied(http.get("/api/v1/ambassadors/cascades/"
                + cc.guide(), t)));
        walk.put("POST /api/v1/ambassadors/links", t -> denied(http.post("/api/v1/ambassadors/links", t,
                World.map("guideId", cc.guide(), "learnerId", otherPerson))));
        walk.put("POST /api/v1/ambassadors/completions", t -> denied(http.post("/api/v1/ambassadors/completions", t,
                World.map("personId", otherPerson))));
        walk.put("GET /api/v1/families", t -> denied(http.get("/api/v1/families?unitId=" + otherCommune, t)));
        walk.put("POST /api/v1/families", t -> denied(http.post("/api/v1/families", t, World.map("personId", otherPerson))));
        walk.put("GET /api/v1/markets", t -> assertThat(ok(http.get("/api/v1/markets", t)).body())
                .doesNotContain(OutsideCascade.MARKET));
        walk.put("POST /api/v1/markets", t -> denied(http.post("/api/v1/markets", t, World.map("unitId", otherCommune,
                "name", "Chợ khác"))));
        walk.put("GET /api/v1/markets/{id}", t -> denied(http.get(marketApi, t)));
        walk.put("POST /api/v1/markets/{id}/traders", t -> denied(http.post(marketApi + "/traders", t,
                World.map("name", "Người bán"))));
        walk.put("PUT /api/v1/markets/{id}/traders/{traderId}/criteria", t -> denied(http.put(marketApi + "/traders/"
                + cc.trader() + "/criteria", t, World.map("met", List.of("CASHLESS")))));
        walk.put("GET /api/v1/recognition/criteria", t -> assertThat(ok(http.get("/api/v1/recognition/criteria", t)).body())
                .contains("CERTIFIED"));
        walk.put("GET /api/v1/recognition/public", t -> ok(http.get("/api/v1/recognition/public", t)));
        walk.put("GET /api/v1/recognition/nominations", t -> assertThat(ok(http.get("/api/v1/recognition/nominations", t))
                .body()).doesNotContain(OutsideCascade.NOMINEE));
        walk.put("POST /api/v1/recognition/nominations", t -> denied(http.post("/api/v1/recognition/nominations", t,
                World.map("kind", "CITIZEN", "personId", otherPerson, "evidenceText", "Đề cử người xã khác",
                        "links", List.of("https://example.org/x"), "criteria", List.of("CERTIFIED")))));
        walk.put("GET /api/v1/recognition/nominations/{id}", t -> denied(http.get(nominationApi, t)));
        walk.put("PUT /api/v1/recognition/nominations/{id}", t -> denied(http.put(nominationApi, t,
                World.map("evidenceText", "Sửa đề cử xã khác"))));
        walk.put("POST /api/v1/recognition/nominations/{id}/links", t -> denied(http.post(nominationApi + "/links", t,
                World.map("url", "https://example.org/y"))));
        walk.put("POST /api/v1/recognition/nominations/{id}/files", t -> denied(http.upload(nominationApi + "/files", t,
                Map.of(), "x.pdf", OutsidePlan.PDF)));
        walk.put("GET /api/v1/recognition/nominations/{id}/evidence/{evidenceId}", t -> denied(http.get(nominationApi
                + "/evidence/" + cc.evidence(), t)));
        walk.put("POST /api/v1/recognition/nominations/{id}/submit", t -> denied(http.post(nominationApi + "/submit", t, null)));
        walk.put("POST /api/v1/recognition/nominations/{id}/approve", t -> denied(http.post(nominationApi + "/approve", t, null)));
        walk.put("POST /api/v1/recognition/nominations/{id}/return", t -> denied(http.post(nominationApi + "/return", t,
                World.map("comment", "Trả lại"))));
        walk.put("POST /api/v1/recognition/nominations/{id}/withdraw", t -> denied(http.post(nominationApi + "/withdraw", t,
                World.map("comment", "Thu hồi"))));
        walk.put("POST /api/v1/auth/login", t -> {
            // public by nature; a login cannot widen anyone's scope
        });

        walk.put("GET /api/v1/teams", t -> assertThat(ok(http.get("/api/v1/teams", t)).body()).doesNotContain(OutsideTeam.NAME));
        walk.put("POST /api/v1/teams", t -> denied(http.post("/api/v1/teams", t, World.map("unitId", unit("24175.01"),
                "name", "Tổ lấn sân"))));
        walk.put("GET /api/v1/teams/{id}", t -> denied(http.get("/api/v1/teams/" + ht.team(), t)));
        walk.put("PUT /api/v1/teams/{id}", t -> denied(http.put("/api/v1/teams/" + ht.team(), t, World.map("name", "Đổi tên"))));
        walk.put("POST /api/v1/teams/{id}/members", t -> denied(http.post("/api/v1/teams/" + ht.team() + "/members", t,
                World.map("personId", otherPerson))));
        walk.put("DELETE /api/v1/teams/{id}/members/{personId}", t -> denied(http.delete("/api/v1/teams/" + ht.team()
                + "/members/" + otherPerson, t)));
        walk.put("POST /api/v1/guidance", t -> denied(http.post("/api/v1/guidance", t, ht.entryThere())));
        walk.put("POST /api/v1/guidance/sync", t -> assertThat(ok(http.post("/api/v1/guidance/sync", t,
                World.map("entries", List.of(ht.entryThere())))).json().get("results").get(0).get("status").asText())
                .isEqualTo("REJECTED"));
        walk.put("GET /api/v1/guidance", t -> {
            assertThat(ok(http.get("/api/v1/guidance", t)).body()).doesNotContain(OutsideTeam.HELPED);
            denied(http.get("/api/v1/guidance?unitId=" + otherCommune, t));
        });
        walk.put("GET /api/v1/guidance/activity", t -> denied(http.get("/api/v1/guidance/activity?unitId=" + otherCommune, t)));
        walk.put("GET /api/v1/guidance/unregistered", t -> {
            assertThat(ok(http.get("/api/v1/guidance/unregistered", t)).body()).doesNotContain(OutsideTeam.HELPED);
            denied(http.get("/api/v1/guidance/unregistered?unitId=" + otherCommune, t));
        });
        walk.put("DELETE /api/v1/guidance/{id}", t -> denied(http.delete("/api/v1/guidance/" + ht.session(), t)));
        walk.put("GET /api/v1/guidance/topics", t -> assertThat(ok(http.get("/api/v1/guidance/topics", t)).body()).contains("VNEID"));
        walk.put("PUT /api/v1/guidance/topics/{code}", t -> denied(http.put("/api/v1/guidance/topics/VNEID", t,
                World.map("nameVi", "Đổi", "sortOrder", 1, "active", false))));
        // search and the assistant read published lessons only, the same for everyone; the
        // unanswered questions are for content authors, which the officer is not
        walk.put("GET /api/v1/search", t -> assertThat(ok(http.get("/api/v1/search?q=lua%20dao", t)).body())
                .contains("nhan-dien-lua-dao").doesNotContain("Hòa Phú"));
        walk.put("POST /api/v1/assistant/ask", t -> assertThat(ok(http.post("/api/v1/assistant/ask", t,
                World.map("question", "cach nhan biet tin nhan lua dao"))).json().get("status").asText()).isEqualTo("ANSWERED"));
        walk.put("GET /api/v1/assistant/unanswered", t -> denied(http.get("/api/v1/assistant/unanswered", t)));

        // the contest: the province's contest is the officer's to see (masked names only), Lâm Đồng's is not;
        // organising is for provincial administrators, taking part for people with a learner record
        walk.put("POST /api/v1/contests", t -> {
            denied(http.post("/api/v1/contests", t, World.map("unitId", province, "title", "Không được", "organiser", "x")));
            denied(http.post("/api/v1/contests", t, World.map("unitId", unit("24133"), "title", "Không được", "organiser", "x")));
        });
        walk.put("GET /api/v1/contests", t -> assertThat(ok(http.get("/api/v1/contests", t)).body())
                .contains(OutsideContest.TITLE).doesNotContain(OutsideContest.OTHER));
        walk.put("GET /api/v1/contests/{id}", t -> {
            ok(http.get("/api/v1/contests/" + oc.contest(), t));
            denied(http.get("/api/v1/contests/" + oc.other(), t));
        });
        walk.put("POST /api/v1/contests/{id}/rounds", t -> denied(http.post("/api/v1/contests/" + oc.contest() + "/rounds", t,
                World.map("title", "x", "opensAt", java.time.Instant.now().toString(), "closesAt",
                        java.time.Instant.now().plusSeconds(3600).toString(), "timeLimitMinutes", 5,
                        "draw", List.of(World.map("area", "1", "count", 1))))));
        walk.put("GET /api/v1/contest-rounds/{roundId}", t -> {
            ok(http.get("/api/v1/contest-rounds/" + oc.round(), t));
            denied(http.get("/api/v1/contest-rounds/" + oc.otherRound(), t));
        });
        walk.put("PUT /api/v1/contest-rounds/{roundId}", t -> denied(http.put("/api/v1/contest-rounds/" + oc.otherRound(), t,
                World.map("title", "Đổi"))));
        walk.put("POST /api/v1/contest-rounds/{roundId}/close", t -> {
            denied(http.post("/api/v1/contest-rounds/" + oc.otherRound() + "/close", t, null));
            denied(http.post("/api/v1/contest-rounds/" + oc.openRound() + "/close", t, null));
        });
        walk.put("GET /api/v1/contest-rounds/{roundId}/ranking", t -> {
            assertThat(ok(http.get("/api/v1/contest-rounds/" + oc.round() + "/ranking", t)).body()).contains("H'Hen N.");
            denied(http.get("/api/v1/contest-rounds/" + oc.otherRound() + "/ranking", t));
        });
        walk.put("GET /api/v1/contests/{id}/units", t -> {
            assertThat(ok(http.get("/api/v1/contests/" + oc.contest() + "/units", t)).body()).contains("participants");
            denied(http.get("/api/v1/contests/" + oc.other() + "/units", t));
            denied(http.get("/api/v1/contests/" + oc.contest() + "/units?roundId=" + oc.otherRound(), t));
        });
        walk.put("GET /api/v1/contest-rounds/{roundId}/fair-play", t -> denied(http.get("/api/v1/contest-rounds/" + oc.round()
                + "/fair-play", t)));
        walk.put("GET /api/v1/contest-rounds/{roundId}/prizes", t -> denied(http.get("/api/v1/contest-rounds/" + oc.round()
                + "/prizes", t)));
        walk.put("GET /api/v1/contest-rounds/{roundId}/prizes.xlsx", t -> denied(http.get("/api/v1/contest-rounds/"
                + oc.round() + "/prizes.xlsx", t)));
        walk.put("GET /api/v1/contests/{id}/prizes", t -> denied(http.get("/api/v1/contests/" + oc.contest() + "/prizes", t)));
        walk.put("GET /api/v1/contests/{id}/prizes.xlsx", t -> denied(http.get("/api/v1/contests/" + oc.contest()
                + "/prizes.xlsx", t)));
        walk.put("POST /api/v1/contest-rounds/{roundId}/exclusions", t -> denied(http.post("/api/v1/contest-rounds/"
                + oc.round() + "/exclusions", t, World.map("entryId", "x", "reason", "x"))));
        walk.put("DELETE /api/v1/contest-rounds/{roundId}/exclusions/{entryId}", t -> denied(http.delete(
                "/api/v1/contest-rounds/" + oc.round() + "/exclusions/x", t)));
        walk.put("GET /api/v1/contest-rounds/{roundId}/prizes.docx", t -> denied(http.get("/api/v1/contest-rounds/"
                + oc.round() + "/prizes.docx", t)));
        walk.put("GET /api/v1/contests/{id}/prizes.docx", t -> denied(http.get("/api/v1/contests/" + oc.contest()
                + "/prizes.docx", t)));
        walk.put("POST /api/v1/contests/{id}/prizes/publication", t -> denied(http.post("/api/v1/contests/" + oc.contest()
                + "/prizes/publication?roundId=" + oc.round(), t, null)));
        walk.put("POST /api/v1/contests/{id}/registration", t -> noLearner(http.post("/api/v1/contests/" + oc.contest()
                + "/registration", t, null)));
        walk.put("GET /api/v1/me/contest-rounds", t -> assertThat(ok(http.get("/api/v1/me/contest-rounds", t)).body())
                .isEqualTo("[]"));
        walk.put("POST /api/v1/contest-rounds/{roundId}/entries", t -> noLearner(http.post("/api/v1/contest-rounds/"
                + oc.openRound() + "/entries", t, null)));
        walk.put("GET /api/v1/me/contest-entries/{id}", t -> noLearner(http.get("/api/v1/me/contest-entries/" + oc.entry(), t)));
        walk.put("PUT /api/v1/me/contest-entries/{id}/items/{position}", t -> noLearner(http.put("/api/v1/me/contest-entries/"
                + oc.entry() + "/items/1", t, World.map("choice", List.of(0)))));
        walk.put("POST /api/v1/me/contest-entries/{id}/submit", t -> noLearner(http.post("/api/v1/me/contest-entries/"
                + oc.entry() + "/submit", t, World.map("prediction", 1))));
        walk.put("GET /api/v1/me/contest-entries/{id}/result", t -> noLearner(http.get("/api/v1/me/contest-entries/"
                + oc.entry() + "/result", t)));
        // privacy: a person's own data is served to that person only; the officer has no record of
        // their own, and another commune's correction requests and the province's notices are out of reach
        walk.put("GET /api/v1/privacy/notices", t -> denied(http.get("/api/v1/privacy/notices", t)));
        walk.put("POST /api/v1/privacy/notices", t -> denied(http.post("/api/v1/privacy/notices", t, World.map(
                "unitId", otherCommune, "title", "Thông báo", "body", "Nội dung", "contact", "Liên hệ"))));
        walk.put("PUT /api/v1/privacy/notices/{id}", t -> denied(http.put("/api/v1/privacy/notices/" + op.notice(), t,
                World.map("unitId", otherCommune, "title", "Sửa", "body", "Nội dung", "contact", "Liên hệ"))));
        walk.put("GET /api/v1/me/privacy", t -> noPerson(http.get("/api/v1/me/privacy", t)));
        walk.put("PUT /api/v1/me/consents", t -> noPerson(http.put("/api/v1/me/consents", t,
                World.map("choices", World.map("PUBLIC_MODEL_LIST", false)))));
        walk.put("GET /api/v1/me/data", t -> noPerson(http.get("/api/v1/me/data", t)));
        walk.put("GET /api/v1/me/data.xlsx", t -> noPerson(http.get("/api/v1/me/data.xlsx", t)));
        walk.put("POST /api/v1/me/erasure", t -> noPerson(http.post("/api/v1/me/erasure", t, null)));
        walk.put("GET /api/v1/me/erasure", t -> noPerson(http.get("/api/v1/me/erasure", t)));
        walk.put("GET /api/v1/me/corrections", t -> noPerson(http.get("/api/v1/me/corrections", t)));
        walk.put("POST /api/v1/me/corrections", t -> noPerson(http.post("/api/v1/me/corrections", t, World.map(
                "personId", otherPerson, "field", "BIRTH_DATE", "requestedValue", "01/01/1980"))));
        walk.put("GET /api/v1/privacy/corrections", t -> {
            assertThat(ok(http.get("/api/v1/privacy/corrections?open=false", t)).body()).doesNotContain(OutsidePrivacy.VALUE);
        });
        walk.put("POST /api/v1/privacy/corrections/{id}/answer", t -> denied(http.post("/api/v1/privacy/corrections/"
                + op.correction() + "/answer", t, World.map("outcome", "DONE"))));
        walk.put("GET /api/v1/privacy/breaches", t -> denied(http.get("/api/v1/privacy/breaches", t)));
        walk.put("POST /api/v1/privacy/breaches", t -> denied(http.post("/api/v1/privacy/breaches", t, World.map(
                "unitId", otherCommune, "description", "Sự cố", "foundAt", java.time.Instant.now().toString(),
                "affected", "1 người"))));
        walk.put("PUT /api/v1/privacy/breaches/{id}", t -> denied(http.put("/api/v1/privacy/breaches/" + op.breach(), t,
                World.map("notifiedAt", java.time.Instant.now().toString()))));
        walk.put("GET /api/v1/privacy/retention/rules", t -> denied(http.get("/api/v1/privacy/retention/rules", t)));
        walk.put("PUT /api/v1/privacy/retention/rules/{kind}", t -> denied(http.put("/api/v1/privacy/retention/rules/GUIDANCE_NAME",
                t, World.map("days", 400))));
        walk.put("GET /api/v1/privacy/retention/runs", t -> denied(http.get("/api/v1/privacy/retention/runs", t)));
        walk.put("POST /api/v1/privacy/retention/runs", t -> denied(http.post("/api/v1/privacy/retention/runs", t, null)));

        // year-end reviews: Xã Hòa Phú's and the province's overview are out of reach
        int reviewYear = LocalDate.now().getYear() - 1;
        walk.put("PUT /api/v1/units/{unitId}/year-end-reviews/{year}", t -> denied(http.put("/api/v1/units/" + otherCommune
                + "/year-end-reviews/" + reviewYear, t, World.map("heldOn", reviewYear + "-12-01", "chair", "X", "attendance", 5))));
        walk.put("GET /api/v1/units/{unitId}/year-end-reviews/{year}", t -> denied(http.get("/api/v1/units/" + otherCommune
                + "/year-end-reviews/" + reviewYear, t)));
        walk.put("GET /api/v1/year-end-reviews", t -> {
            denied(http.get("/api/v1/year-end-reviews?unitId=" + province + "&year=" + reviewYear, t));
            assertThat(ok(http.get("/api/v1/year-end-reviews?unitId=" + unit("24133") + "&year=" + reviewYear, t)).body())
                    .doesNotContain("Hòa Phú");
        });

        // commendations: the province's campaign is the officer's to take part in, Hòa Phú's proposal
        // for H'Hen Niê, the decision and Lâm Đồng's campaign are not
        walk.put("POST /api/v1/reward-campaigns", t -> denied(http.post("/api/v1/reward-campaigns", t,
                World.map("unitId", province, "title", "Không được"))));
        walk.put("GET /api/v1/reward-campaigns", t -> assertThat(ok(http.get("/api/v1/reward-campaigns", t)).body())
                .contains(OutsideRewards.TITLE).doesNotContain(OutsideRewards.OTHER));
        walk.put("GET /api/v1/reward-campaigns/{id}", t -> {
            assertThat(ok(http.get("/api/v1/reward-campaigns/" + or.campaign(), t)).json().get("proposals").size()).isZero();
            denied(http.get("/api/v1/reward-campaigns/" + or.other(), t));
        });
        walk.put("GET /api/v1/reward-campaigns/{id}/suggestions", t -> {
            denied(http.get("/api/v1/reward-campaigns/" + or.campaign() + "/suggestions?unitId=" + otherCommune, t));
            denied(http.get("/api/v1/reward-campaigns/" + or.other() + "/suggestions?unitId=" + unit("24133"), t));
        });
        walk.put("POST /api/v1/reward-campaigns/{id}/proposals", t -> {
            denied(http.post("/api/v1/reward-campaigns/" + or.campaign() + "/proposals", t, World.map("proposerUnitId",
                    otherCommune, "personId", otherPerson, "rewardForm", "COMMUNE_COMMENDATION", "reason", "x")));
            denied(http.post("/api/v1/reward-campaigns/" + or.other() + "/proposals", t, World.map("proposerUnitId",
                    unit("24133"), "candidateUnitId", unit("24133"), "rewardForm", "COMMUNE_COMMENDATION", "reason", "x")));
        });
        walk.put("GET /api/v1/reward-proposals/{id}", t -> denied(http.get("/api/v1/reward-proposals/" + or.proposal(), t)));
        walk.put("POST /api/v1/reward-proposals/{id}/submit", t -> denied(http.post("/api/v1/reward-proposals/"
                + or.draft() + "/submit", t, null)));
        walk.put("POST /api/v1/reward-proposals/{id}/appraisal", t -> denied(http.post("/api/v1/reward-proposals/"
                + or.draft() + "/appraisal", t, World.map("accepted", true))));
        walk.put("POST /api/v1/reward-campaigns/{id}/decisions", t -> denied(http.post("/api/v1/reward-campaigns/"
                + or.campaign() + "/decisions", t, World.map("number", "9/QĐ", "decidedOn", LocalDate.now().toString(),
                "proposalIds", List.of(or.draft())))));
        walk.put("GET /api/v1/reward-decisions/{id}", t -> denied(http.get("/api/v1/reward-decisions/" + or.decision(), t)));
        walk.put("GET /api/v1/reward-decisions/{id}/annex.xlsx", t -> denied(http.get("/api/v1/reward-decisions/"
                + or.decision() + "/annex.xlsx", t)));
        walk.put("GET /api/v1/reward-campaigns/{id}/criteria", t -> denied(http.get("/api/v1/reward-campaigns/"
                + or.other() + "/criteria", t)));
        walk.put("PUT /api/v1/reward-campaigns/{id}/criteria", t -> {
            denied(http.put("/api/v1/reward-campaigns/" + or.campaign() + "/criteria", t, World.map("minTargetsMetPercent", 90)));
            denied(http.put("/api/v1/reward-campaigns/" + or.other() + "/criteria", t, World.map("minTargetsMetPercent", 90)));
        });
        walk.put("GET /api/v1/reward-campaigns/{id}/letter.docx", t -> {
            denied(http.get("/api/v1/reward-campaigns/" + or.campaign() + "/letter.docx?unitId=" + otherCommune, t));
            denied(http.get("/api/v1/reward-campaigns/" + or.other() + "/letter.docx?unitId=" + unit("24133"), t));
        });
        walk.put("GET /api/v1/persons/{id}/rewards", t -> denied(http.get("/api/v1/persons/" + otherPerson + "/rewards", t)));
        walk.put("GET /api/v1/units/{id}/rewards", t -> denied(http.get("/api/v1/units/" + otherCommune + "/rewards", t)));

        TreeSet<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/v1"))
                .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m + " " + p))));
        TreeSet<String> unwalked = new TreeSet<>(mapped);
        unwalked.removeAll(walk.keySet());
        if (!unwalked.isEmpty()) {
            fail("Endpoints without a scope check in this walk: " + unwalked);
        }
        List<String> foreign = foreignNames();
        http.watch((auth, r) -> {
            if (("Bearer " + officer).equals(auth)) {
                assertThat(r.body()).as("no name from outside the ward, even in an error").doesNotContain(foreign);
            }
        });
        try {
            mapped.forEach(endpoint -> walk.get(endpoint).accept(officer));
        } finally {
            http.watch(null);
        }
        assertThat(snapshot()).as("nothing outside the ward changed").isEqualTo(before);
    }

    @Test
    void theSameHoldsForEveryPageOfTheWebUi() {
        String admin = token("province-admin");
        OutsidePlan hp = hoaPhusPlan(admin);
        long otherCommune = unit("24175");
        long otherPerson = person("H'Hen Niê");
        String adminsImport = http.upload("/api/v1/imports", admin, Map.of("kind", "PERSON"), "p.csv",
                "Họ và tên,Ngày sinh,Giới tính,Số CCCD,Mã đơn vị\nAi Đó,01/01/1990,Nam,066090777777,24175.01\n"
                        .getBytes(StandardCharsets.UTF_8)).json().get("job").get("id").asText();
        String cert = hensCertificate();
        OutsideTeam ht = hoaPhusTeam(admin);
        hoaPhusCommunity(admin);
        OutsideCascade cc = hoaPhusCascade(admin);
        OutsideContest oc = contests(admin);
        OutsidePrivacy op = hoaPhusPrivacy();
        OutsideRewards or = rewards(admin);
        long hpLine = hoaPhusBudgetLine(admin, hp.plan());
        OutsidePartner pt = provincePartner(admin);
        String before = snapshot();
        Http officer = new Http(port, true);
        officer.formLogin("commune-officer", World.PASSWORD);
        String csrf = Http.csrf(officer.getHtml("/imports").body());

        Map<String, Runnable> walk = new LinkedHashMap<>();
        walk.put("GET /", () -> assertThat(officer.getHtml("/").body()).contains("Phường Buôn Ma Thuột").doesNotContain("Hòa Phú"));
        walk.put("GET /login", () -> assertThat(officer.getHtml("/login").status()).isEqualTo(200));
        walk.put("GET /units", () -> assertThat(officer.getHtml("/units").body()).doesNotContain("Hòa Phú", "Tỉnh Đắk Lắk"));
        walk.put("GET /units/{id}", () -> pageDenied(officer.getHtml("/units/" + otherCommune)));
        walk.put("GET /persons", () -> {
            assertThat(officer.getHtml("/persons?q=hen").body()).doesNotContain("H&#39;Hen", "H'Hen");
            pageDenied(officer.getHtml("/persons?unit=" + otherCommune));
        });
        walk.put("GET /persons/{id}", () -> pageDenied(officer.getHtml("/persons/" + otherPerson)));
        walk.put("GET /imports", () -> assertThat(officer.getHtml("/imports").body()).doesNotContain(adminsImport));
        walk.put("POST /imports", () -> pageDenied(officer.upload("/imports", null, Map.of("kind", "UNIT", "_csrf", csrf),
                "u.csv", "code,name,type,parent_code\n24175.11,Buôn,buôn,24175\n".getBytes(StandardCharsets.UTF_8))));
        walk.put("GET /imports/{id}", () -> pageDenied(officer.getHtml("/imports/" + adminsImport)));
        walk.put("GET /imports/{id}/progress", () -> pageDenied(officer.getHtml("/imports/" + adminsImport + "/progress")));
        walk.put("POST /imports/{id}/cancel", () -> pageDenied(officer.postForm("/imports/" + adminsImport + "/cancel",
                Map.of("_csrf", csrf))));
        walk.put("POST /imports/{id}/start", () -> pageDenied(officer.postForm("/imports/" + adminsImport + "/start",
                Map.of("_csrf", csrf))));
        walk.put("GET /imports/{id}/errors.xlsx", () -> pageDenied(officer.getHtml("/imports/" + adminsImport + "/errors.xlsx")));
        walk.put("GET /audit", () -> pageDenied(officer.getHtml("/audit")));
        String firstLesson = firstLesson();
        long courseId = jdbc.sql("SELECT id FROM course WHERE code = ?").param(STARTER).query(Long.class).single();
        long lessonId = jdbc.sql("SELECT id FROM lesson WHERE course_id = ? AND code = ?").params(courseId, firstLesson)
                .query(Long.class).single();
        String coursePage = "/learn/" + STARTER;
        walk.put("GET /learn", () -> assertThat(officer.getHtml("/learn").body()).contains(STARTER));
        walk.put("GET /learn/progress", () -> assertThat(officer.getHtml("/learn/progress").status()).isEqualTo(200));
        walk.put("GET /learn/{code}", () -> assertThat(officer.getHtml(coursePage).body()).contains("<h1>"));
        walk.put("POST /learn/{code}/enrol", () -> assertThat(officer.postForm(coursePage + "/enrol", Map.of("_csrf", csrf)).body())
                .contains("chưa gắn với hồ sơ người học"));
        walk.put("POST /learn/{code}/enrolments", () -> {
            pageDenied(officer.postForm(coursePage + "/enrolments", Map.of("_csrf", csrf, "unitId", Long.toString(otherCommune),
                    "group", "ADULT")));
        });
        walk.put("GET /learn/{code}/{lesson}", () -> assertThat(officer.getHtml(coursePage + "/" + firstLesson).body())
                .contains("chưa gắn với hồ sơ người học"));
        walk.put("POST /learn/{code}/{lesson}/done", () -> assertThat(officer.postForm(coursePage + "/" + firstLesson + "/done",
                Map.of("_csrf", csrf)).status()).isEqualTo(400));
        walk.put("POST /learn/{code}/{lesson}/answers", () -> assertThat(officer.postForm(coursePage + "/" + firstLesson
                + "/answers", Map.of("_csrf", csrf, "q0", "0")).status()).isEqualTo(400));
        walk.put("GET /learn/{code}/media/**", () -> assertThat(officer.getHtml(coursePage + "/media/none.svg").status())
                .isEqualTo(404));
        // the officer has no learner record: the path and the placement check say so and change nothing
        walk.put("GET /learn/path", () -> assertThat(officer.getHtml("/learn/path").status()).isEqualTo(400));
        walk.put("POST /learn/placement", () -> assertThat(officer.postForm("/learn/placement", Map.of("_csrf", csrf))
                .status()).isIn(302, 400));
        walk.put("GET /learn/placement/{id}", () -> assertThat(officer.getHtml("/learn/placement/1").status()).isEqualTo(400));
        walk.put("POST /learn/placement/{id}", () -> assertThat(officer.postForm("/learn/placement/1", Map.of("_csrf", csrf,
                "question", "KNS-1.1-01", "answer", "0")).status()).isEqualTo(400));
        walk.put("GET /units/{unitId}/competencies", () -> pageDenied(officer.getHtml("/units/" + otherCommune
                + "/competencies")));
        walk.put("POST /display", () -> assertThat(officer.postForm("/display", Map.of("_csrf", csrf, "text", "large",
                "back", "https://evil.example/")).status()).isEqualTo(200));
        walk.put("GET /author", () -> pageDenied(officer.getHtml("/author")));
        walk.put("POST /author/courses", () -> pageDenied(officer.postForm("/author/courses", Map.of("_csrf", csrf,
                "code", "X-1", "titleVi", "X", "targetGroups", "ADULT"))));
        walk.put("POST /author/packages", () -> pageDenied(officer.upload("/author/packages", null, Map.of("_csrf", csrf),
                "c.zip", "PK".getBytes(StandardCharsets.UTF_8))));
        walk.put("GET /author/courses/{id}", () -> pageDenied(officer.getHtml("/author/courses/" + courseId)));
        walk.put("POST /author/courses/{id}", () -> pageDenied(officer.postForm("/author/courses/" + courseId,
                Map.of("_csrf", csrf, "titleVi", "Đổi tên", "targetGroups", "ADULT"))));
        walk.put("POST /author/courses/{id}/modules", () -> pageDenied(officer.postForm("/author/courses/" + courseId
                + "/modules", Map.of("_csrf", csrf, "titleVi", "Phần mới"))));
        walk.put("POST /author/courses/{id}/publish", () -> pageDenied(officer.postForm("/author/courses/" + courseId
                + "/publish", Map.of("_csrf", csrf, "publish", "false"))));
        walk.put("GET /author/courses/{id}/package.zip", () -> pageDenied(officer.getHtml("/author/courses/" + courseId
                + "/package.zip")));
        walk.put("GET /author/courses/{id}/lessons/new", () -> pageDenied(officer.getHtml("/author/courses/" + courseId
                + "/lessons/new?module=1")));
        walk.put("POST /author/courses/{id}/lessons", () -> pageDenied(officer.postForm("/author/courses/" + courseId
                + "/lessons", Map.of("_csrf", csrf, "module", "1", "code", "x", "titleVi", "X"))));
        walk.put("GET /author/lessons/{id}", () -> pageDenied(officer.getHtml("/author/lessons/" + lessonId)));
        walk.put("POST /author/lessons/{id}", () -> pageDenied(officer.postForm("/author/lessons/" + lessonId,
                Map.of("_csrf", csrf, "titleVi", "Đổi", "body", "<p>x</p>"))));
        long hensConfirmation = jdbc.sql("SELECT id FROM confirmation_outbox WHERE certificate_id = ?").param(cert)
                .query(Long.class).single();
        walk.put("GET /confirmations", () -> assertThat(officer.getHtml("/confirmations").body()).contains("<h1>")
                .doesNotContain(jdbc.sql("SELECT number FROM certificate WHERE id = ?").param(cert).query(String.class).single()));
        walk.put("POST /confirmations/{id}/retry", () -> pageDenied(officer.postForm("/confirmations/" + hensConfirmation
                + "/retry", Map.of("_csrf", csrf))));
        walk.put("GET /author/questions", () -> pageDenied(officer.getHtml("/author/questions")));
        walk.put("GET /author/unanswered", () -> pageDenied(officer.getHtml("/author/unanswered")));
        walk.put("GET /author/questions/sheet.xlsx", () -> pageDenied(officer.getHtml("/author/questions/sheet.xlsx")));
        walk.put("GET /author/questions/new", () -> pageDenied(officer.getHtml("/author/questions/new")));
        walk.put("GET /author/questions/{code}", () -> pageDenied(officer.getHtml("/author/questions/KNS-1.1-01")));
        walk.put("POST /author/questions", () -> pageDenied(officer.postForm("/author/questions", Map.of("_csrf", csrf,
                "code", "KNS-1.1-01", "competency", "1.1", "targetGroups", "ADULT", "type", "SINGLE", "difficulty", "1",
                "prompt", "Đổi?", "options", "a", "answer", "A"))));
        walk.put("POST /author/questions/{code}/pictures", () -> pageDenied(officer.upload("/author/questions/KNS-1.1-01/pictures",
                null, Map.of("_csrf", csrf, "option", "0"), "p.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 0, 0})));
        walk.put("GET /media/questions/{sha}", () -> pageDenied(officer.getHtml("/media/questions/" + "0".repeat(64))));
        walk.put("GET /exam/integrity", () -> pageDenied(officer.getHtml("/exam/integrity")));
        walk.put("GET /exam", () -> assertThat(officer.getHtml("/exam").status()).isEqualTo(200));
        walk.put("POST /exam/{group}/start", () -> assertThat(officer.postForm("/exam/ADULT/start", Map.of("_csrf", csrf))
                .body()).contains("chưa gắn với hồ sơ người học"));
        walk.put("GET /exam/attempt/{id}", () -> assertThat(officer.getHtml("/exam/attempt/x").status()).isEqualTo(400));
        walk.put("POST /exam/attempt/{id}/items/{position}", () -> assertThat(officer.postForm("/exam/attempt/x/items/1",
                Map.of("_csrf", csrf, "choice", "0")).status()).isEqualTo(400));
        walk.put("POST /exam/attempt/{id}", () -> assertThat(officer.postForm("/exam/attempt/x",
                Map.of("_csrf", csrf, "q1", "0")).status()).isEqualTo(400));
        walk.put("GET /exam/attempt/{id}/result", () -> assertThat(officer.getHtml("/exam/attempt/x/result").status())
                .isEqualTo(400));
        walk.put("GET /certificates", () -> assertThat(officer.getHtml("/certificates").body()).doesNotContain("H&#39;Hen"));
        walk.put("GET /certificates/{id}", () -> pageDenied(officer.getHtml("/certificates/" + cert)));
        walk.put("GET /certificates/{id}/certificate.pdf", () -> pageDenied(officer.getHtml("/certificates/" + cert
                + "/certificate.pdf")));
        walk.put("GET /certificates/{id}/credential.json", () -> pageDenied(officer.getHtml("/certificates/" + cert
                + "/credential.json")));
        walk.put("GET /verify/{id}", () -> assertThat(officer.getHtml("/verify/" + cert).body())
                .doesNotContain("H&#39;Hen Niê", "/revoke"));
        walk.put("GET /verify", () -> assertThat(officer.getHtml("/verify").status()).isEqualTo(200));
        walk.put("POST /verify", () -> assertThat(officer.postForm("/verify", Map.of("_csrf", csrf, "credential", "{}"))
                .body()).contains("không do nền tảng"));
        walk.put("POST /verify/{id}/revoke", () -> assertThat(officer.postForm("/verify/" + cert + "/revoke",
                Map.of("_csrf", csrf, "reason", "thử")).body()).contains("Chỉ quản trị viên cấp tỉnh"));
        walk.put("GET /issuers/{code}", () -> assertThat(officer.getHtml("/issuers/66").body()).contains("Multikey"));
        walk.put("GET /credentials/status/{code}", () -> assertThat(officer.getHtml("/credentials/status/66").body())
                .contains("BitstringStatusList"));
        walk.put("GET /dashboard", () -> assertThat(officer.getHtml("/dashboard").body())
                .contains("Phường Buôn Ma Thuột").doesNotContain("Xã Hòa Phú"));
        walk.put("GET /dashboard/{unitId}", () -> {
            pageDenied(officer.getHtml("/dashboard/" + otherCommune));
            pageDenied(officer.getHtml("/dashboard/" + unit("66")));
        });
        walk.put("GET /dashboard/{unitId}/compliance/{code}", () -> {
            pageDenied(officer.getHtml("/dashboard/" + otherCommune + "/compliance/CLASSES_BY_JUNE"));
            pageDenied(officer.getHtml("/dashboard/" + unit("66") + "/compliance/CLASSES_BY_JUNE"));
        });
        walk.put("GET /dashboard/{unitId}/certified", () -> {
            pageDenied(officer.getHtml("/dashboard/" + otherCommune + "/certified?group=WORKER"));
            pageDenied(officer.getHtml("/dashboard/" + unit("66") + "/certified?group=WORKER"));
        });

        String planPage = "/plans/" + hp.plan();
        String taskPage = planPage + "/tasks/" + hp.task();
        walk.put("GET /plans", () -> assertThat(officer.getHtml("/plans").body()).contains("<h1>")
                .doesNotContain(OutsidePlan.TITLE));
        walk.put("POST /plans", () -> pageDenied(officer.postForm("/plans", Map.of("_csrf", csrf, "title", "Kế hoạch khác",
                "issuerUnitId", Long.toString(otherCommune), "fromYear", "2026"))));
        walk.put("GET /plans/{id}", () -> pageDenied(officer.getHtml(planPage)));
        walk.put("GET /plans/{id}/import", () -> pageDenied(officer.getHtml(planPage + "/import")));
        walk.put("GET /plans/{planId}/budget", () -> pageDenied(officer.getHtml(planPage + "/budget")));
        walk.put("POST /plans/{planId}/budget/lines", () -> pageDenied(officer.postForm(planPage + "/budget/lines",
                Map.of("_csrf", csrf, "unitId", Long.toString(unit("24133")), "source", "COMMUNE", "title", "x", "estimate", "1"))));
        walk.put("POST /plans/{planId}/budget/lines/{lineId}/spending", () -> pageDenied(officer.postForm(planPage
                + "/budget/lines/" + hpLine + "/spending", Map.of("_csrf", csrf, "year", "2026", "quarter", "1", "amount", "1",
                "documentRef", "x"))));
        walk.put("GET /partners", () -> assertThat(officer.getHtml("/partners").body()).contains("<h1>")
                .doesNotContain(OutsidePartner.NAME));
        walk.put("POST /partners", () -> pageDenied(officer.postForm("/partners", Map.of("_csrf", csrf,
                "unitId", Long.toString(unit("66")), "name", "Đối tác khác", "kind", "BANK"))));
        walk.put("GET /partners/{id}", () -> pageDenied(officer.getHtml("/partners/" + pt.partner())));
        walk.put("POST /partners/{id}/commitments", () -> pageDenied(officer.postForm("/partners/" + pt.partner()
                + "/commitments", Map.of("_csrf", csrf, "kind", "CLASSES", "description", "x", "quantity", "1",
                "startsOn", "2026-01-01", "endsOn", "2026-12-31"))));
        walk.put("POST /partner-commitments/{id}/deliveries", () -> pageDenied(officer.postForm("/partner-commitments/"
                + pt.commitment() + "/deliveries", Map.of("_csrf", csrf, "deliveredOn", "2026-01-02", "quantity", "1",
                "documentRef", "x"))));
        walk.put("POST /plans/{id}/import", () -> pageDenied(officer.upload(planPage + "/import", null,
                Map.of("_csrf", csrf), "bang.csv", OutsidePlan.TABLE)));
        walk.put("POST /plans/{id}/links/{linkId}", () -> pageDenied(officer.postForm(planPage + "/links/" + hp.link(),
                Map.of("_csrf", csrf, "unitId", Long.toString(unit("24133-UBND"))))));
        walk.put("GET /plans/{id}/tasks/{taskId}", () -> pageDenied(officer.getHtml(taskPage)));
        walk.put("POST /plans/{id}/tasks/{taskId}/progress", () -> pageDenied(officer.postForm(taskPage + "/progress",
                Map.of("_csrf", csrf, "status", "DONE", "note", "xong"))));
        walk.put("POST /plans/{id}/tasks/{taskId}/evidence", () -> pageDenied(officer.upload(taskPage + "/evidence", null,
                Map.of("_csrf", csrf), "x.pdf", OutsidePlan.PDF)));
        walk.put("GET /plans/{id}/tasks/{taskId}/evidence/{evidenceId}", () -> pageDenied(officer.getHtml(taskPage
                + "/evidence/" + hp.evidence())));

        // classes, outreach and events of Xã Hòa Phú, as pages
        OutsideCommunity hc = hoaPhusCommunity(admin);
        String classPage = "/classes/" + hc.classId();
        String sessionPage = classPage + "/sessions/" + hc.sessionId();
        walk.put("GET /classes", () -> assertThat(officer.getHtml("/classes").body()).contains("<h1>")
                .doesNotContain(OutsideCommunity.TITLE));
        walk.put("POST /classes", () -> pageDenied(officer.postForm("/classes", Map.of("_csrf", csrf, "unitId",
                Long.toString(unit("24175.01")), "title", "Lớp khác", "date", LocalDate.now().toString(), "startsAt", "08:00",
                "endsAt", "09:00"))));
        walk.put("GET /classes/{id}", () -> pageDenied(officer.getHtml(classPage)));
        walk.put("POST /classes/{id}/sessions", () -> pageDenied(officer.postForm(classPage + "/sessions", Map.of("_csrf", csrf,
                "date", LocalDate.now().toString(), "startsAt", "08:00", "endsAt", "09:00"))));
        walk.put("POST /classes/{id}/sessions/{sessionId}/held", () -> pageDenied(officer.postForm(sessionPage + "/held",
                Map.of("_csrf", csrf))));
        walk.put("GET /classes/{id}/sessions/{sessionId}", () -> pageDenied(officer.getHtml(sessionPage)));
        walk.put("POST /classes/{id}/sessions/{sessionId}/attendance", () -> pageDenied(officer.postForm(sessionPage
                + "/attendance", Map.of("_csrf", csrf, "personId", Long.toString(otherPerson)))));
        walk.put("POST /classes/{id}/enrol", () -> pageDenied(officer.postForm(classPage + "/enrol", Map.of("_csrf", csrf))));
        walk.put("POST /classes/{id}/cancel", () -> pageDenied(officer.postForm(classPage + "/cancel", Map.of("_csrf", csrf))));
        walk.put("GET /checkin", () -> assertThat(officer.getHtml("/checkin?t=" + java.net.URLEncoder.encode(hc.token(),
                StandardCharsets.UTF_8)).body()).contains("chưa gắn với hồ sơ người học"));
        walk.put("POST /checkin", () -> assertThat(officer.postForm("/checkin", Map.of("_csrf", csrf, "t", hc.token())).body())
                .contains("chưa gắn với hồ sơ người học"));
        walk.put("GET /me/qr", () -> assertThat(officer.getHtml("/me/qr").body()).contains("chưa gắn với hồ sơ người học"));
        walk.put("GET /outreach", () -> {
            assertThat(officer.getHtml("/outreach").body()).contains("Phường Buôn Ma Thuột").doesNotContain(OutsideCommunity.ITEM);
            pageDenied(officer.getHtml("/outreach?unitId=" + otherCommune));
        });
        walk.put("POST /outreach", () -> pageDenied(officer.postForm("/outreach", Map.of("_csrf", csrf, "unitId",
                Long.toString(otherCommune), "publishedOn", LocalDate.now().toString(), "channel", "SMS", "title", "Tin nhắn"))));
        walk.put("POST /outreach/{id}/withdraw", () -> pageDenied(officer.postForm("/outreach/" + hc.outreachId() + "/withdraw",
                Map.of("_csrf", csrf))));
        walk.put("GET /events", () -> assertThat(officer.getHtml("/events").body()).contains("<h1>")
                .doesNotContain(OutsideCommunity.EVENT));
        walk.put("POST /events", () -> pageDenied(officer.postForm("/events", Map.of("_csrf", csrf, "kind", "OTHER",
                "title", "Khác", "heldOn", LocalDate.now().toString(), "unitId", Long.toString(otherCommune)))));
        walk.put("POST /events/{id}/participants", () -> pageDenied(officer.postForm("/events/" + hc.eventId()
                + "/participants", Map.of("_csrf", csrf, "unitId", Long.toString(unit("24133")), "participants", "5"))));
        walk.put("POST /events/{id}/cancel", () -> pageDenied(officer.postForm("/events/" + hc.eventId() + "/cancel",
                Map.of("_csrf", csrf))));

        // periodic reports: the same refusals as the API, as pages
        String otherPage = "/reports/" + REPORT_FORM + "/" + otherCommune + "/2026Q1";
        String provincePage = "/reports/" + REPORT_FORM + "/" + unit("66") + "/2026Q1";
        walk.put("GET /reports", () -> assertThat(officer.getHtml("/reports").body()).contains("Phường Buôn Ma Thuột")
                .doesNotContain("Hòa Phú", "Tỉnh Đắk Lắk"));
        walk.put("GET /reports/forms", () -> pageDenied(officer.getHtml("/reports/forms")));
        walk.put("GET /reports/forms/new", () -> pageDenied(officer.getHtml("/reports/forms/new")));
        walk.put("POST /reports/forms", () -> pageDenied(officer.postForm("/reports/forms", Map.of("_csrf", csrf,
                "code", "XA-TU-LAP", "nameVi", "Báo cáo của xã", "periodType", "YEAR", "dueKind", "FIXED_DATE",
                "dueDay", "10", "dueMonth", "12", "reporters", "WARD", "indicators", "CLASSES_HELD"))));
        walk.put("GET /reports/forms/{code}", () -> pageDenied(officer.getHtml("/reports/forms/" + REPORT_FORM)));
        walk.put("POST /reports/forms/{code}", () -> pageDenied(officer.postForm("/reports/forms/" + REPORT_FORM,
                Map.of("_csrf", csrf, "nameVi", "Đổi tên", "periodType", "QUARTER", "dueKind", "LAST_MONTH_DAY",
                        "dueDay", "15", "reporters", "WARD", "indicators", "CLASSES_HELD"))));
        walk.put("GET /reports/contacts/{unitId}", () -> pageDenied(officer.getHtml("/reports/contacts/" + otherCommune)));
        walk.put("POST /reports/contacts/{unitId}", () -> pageDenied(officer.postForm("/reports/contacts/" + otherCommune,
                Map.of("_csrf", csrf, "email", "xa@khac.vn"))));
        walk.put("GET /reports/queue", () -> assertThat(officer.getHtml("/reports/queue").body()).contains("<h1>")
                .doesNotContain("Hòa Phú"));
        walk.put("GET /reports/{form}/{unitId}/{period}", () -> pageDenied(officer.getHtml(otherPage)));
        walk.put("POST /reports/{form}/{unitId}/{period}", () -> pageDenied(officer.postForm(otherPage,
                Map.of("_csrf", csrf, "action", "submit", "t-RESULTS", "Sửa báo cáo của xã khác"))));
        walk.put("POST /reports/{form}/{unitId}/{period}/approve", () -> pageDenied(officer.postForm(otherPage + "/approve",
                Map.of("_csrf", csrf))));
        walk.put("POST /reports/{form}/{unitId}/{period}/return", () -> pageDenied(officer.postForm(otherPage + "/return",
                Map.of("_csrf", csrf, "comment", "Trả lại"))));
        walk.put("GET /reports/{form}/{unitId}/{period}/completeness", () -> pageDenied(officer.getHtml(provincePage
                + "/completeness")));
        walk.put("POST /reports/{form}/{unitId}/{period}/reminders", () -> pageDenied(officer.postForm(provincePage
                + "/reminders", Map.of("_csrf", csrf))));
        walk.put("GET /reports/{form}/{unitId}/{period}/consolidated", () -> pageDenied(officer.getHtml(provincePage
                + "/consolidated")));
        walk.put("GET /reports/{form}/{unitId}/{period}/consolidated.xlsx", () -> pageDenied(officer.getHtml(provincePage
                + "/consolidated.xlsx")));
        walk.put("GET /reports/{form}/{unitId}/{period}/consolidated.{format:docx|pdf}", () -> {
            pageDenied(officer.getHtml(provincePage + "/consolidated.docx"));
            pageDenied(officer.getHtml(provincePage + "/consolidated.pdf"));
        });
        walk.put("GET /reports/{form}/{unitId}/{period}/validation", () -> pageDenied(officer.getHtml(provincePage
                + "/validation")));
        walk.put("GET /reports/{form}/{unitId}/{period}/validation.xlsx", () -> pageDenied(officer.getHtml(provincePage
                + "/validation.xlsx")));
        walk.put("GET /reports/rules", () -> assertThat(officer.getHtml("/reports/rules").body())
                .contains("NUMERATOR_NOT_ABOVE_DENOMINATOR"));
        walk.put("POST /reports/rules", () -> pageDenied(officer.postForm("/reports/rules", Map.of("_csrf", csrf,
                "code", "WALK_RULE", "indicatorCode", "VNEID_CONFIRMED_SHARE", "leftSide", "numerator", "operator", ">=",
                "rightSide", "0", "importance", "ERROR", "messageVi", "Âm"))));
        walk.put("POST /reports/rules/{code}/deactivate", () -> pageDenied(officer.postForm(
                "/reports/rules/NUMERATOR_NOT_ABOVE_DENOMINATOR/deactivate", Map.of("_csrf", csrf))));
        walk.put("POST /reports/rules/{code}/activate", () -> pageDenied(officer.postForm(
                "/reports/rules/NUMERATOR_NOT_ABOVE_DENOMINATOR/activate", Map.of("_csrf", csrf))));

        String teamPage = "/community/teams/" + ht.team();
        walk.put("GET /community", () -> assertThat(officer.getHtml("/community").body()).contains("<h1>")
                .doesNotContain(OutsideTeam.NAME));
        walk.put("GET /community/teams", () -> assertThat(officer.getHtml("/community/teams").body()).contains("<h1>")
                .doesNotContain(OutsideTeam.NAME));
        walk.put("POST /community/teams", () -> pageDenied(officer.postForm("/community/teams", Map.of("_csrf", csrf,
                "unitId", Long.toString(unit("24175.01")), "name", "Tổ lấn sân"))));
        walk.put("GET /community/teams/{id}", () -> pageDenied(officer.getHtml(teamPage)));
        walk.put("POST /community/teams/{id}/members", () -> pageDenied(officer.postForm(teamPage + "/members",
                Map.of("_csrf", csrf, "personId", Long.toString(otherPerson)))));
        walk.put("POST /community/teams/{id}/members/{personId}/remove", () -> pageDenied(officer.postForm(teamPage
                + "/members/" + otherPerson + "/remove", Map.of("_csrf", csrf))));
        walk.put("GET /guidance", () -> assertThat(officer.getHtml("/guidance").body()).contains("id=\"guidance\""));
        walk.put("GET /guidance/new", () -> assertThat(officer.getHtml("/guidance/new").body()).contains("id=\"guidance\"")
                .doesNotContain("Buôn Kô Sir"));
        walk.put("POST /guidance/new", () -> pageDenied(officer.postForm("/guidance/new", Map.of("_csrf", csrf,
                "clientId", java.util.UUID.randomUUID().toString(), "unitId", Long.toString(unit("24175.01")),
                "place", "HOME", "minutes", "10", "outcome", "DONE", "topics", "VNEID", "people", "Ai Đó, 1960"))));
        walk.put("POST /guidance/sync", () -> assertThat(officer.postJsonWithCsrf("/guidance/sync", csrf,
                World.map("entries", List.of(ht.entryThere()))).json().get("results").get(0).get("status").asText())
                .isEqualTo("REJECTED"));
        walk.put("GET /guidance/people", () -> assertThat(officer.getJson("/guidance/people?q=hen").body())
                .doesNotContain("Hen Niê"));
        walk.put("GET /guidance/csrf", () -> assertThat(officer.getJson("/guidance/csrf").json().get("token").asText()).isNotBlank());
        walk.put("GET /guidance/sw.js", () -> assertThat(officer.getHtml("/guidance/sw.js").body()).contains("caches"));
        walk.put("GET /guidance/log", () -> {
            assertThat(officer.getHtml("/guidance/log").body()).contains("<h1>").doesNotContain(OutsideTeam.HELPED);
            pageDenied(officer.getHtml("/guidance/log?unitId=" + otherCommune));
        });
        walk.put("GET /guidance/unregistered", () -> {
            assertThat(officer.getHtml("/guidance/unregistered").body()).contains("<h1>").doesNotContain(OutsideTeam.HELPED);
            pageDenied(officer.getHtml("/guidance/unregistered?unitId=" + otherCommune));
        });
        walk.put("POST /guidance/{id}/withdraw", () -> pageDenied(officer.postForm("/guidance/" + ht.session() + "/withdraw",
                Map.of("_csrf", csrf))));
        // ambassadors, families, markets and nominations: Xã Hòa Phú's records are out of reach as pages too
        String nominationPage = "/recognition/" + cc.nomination();
        String marketPage = "/markets/" + cc.market();
        walk.put("GET /ambassadors", () -> assertThat(officer.getHtml("/ambassadors").body()).contains("<h1>")
                .doesNotContain(OutsideCascade.GUIDE));
        walk.put("GET /ambassadors/{personId}", () -> pageDenied(officer.getHtml("/ambassadors/" + cc.guide())));
        walk.put("POST /ambassadors/links", () -> pageDenied(officer.postForm("/ambassadors/links", Map.of("_csrf", csrf,
                "guideId", Long.toString(cc.guide()), "learnerId", Long.toString(otherPerson)))));
        walk.put("POST /ambassadors/completions", () -> pageDenied(officer.postForm("/ambassadors/completions",
                Map.of("_csrf", csrf, "personId", Long.toString(otherPerson)))));
        walk.put("GET /families", () -> {
            assertThat(officer.getHtml("/families").body()).contains("<h1>").doesNotContain(OutsideCascade.MARKET);
            pageDenied(officer.getHtml("/families?unitId=" + otherCommune));
        });
        walk.put("POST /families", () -> pageDenied(officer.postForm("/families", Map.of("_csrf", csrf,
                "personId", Long.toString(otherPerson)))));
        walk.put("POST /markets", () -> pageDenied(officer.postForm("/markets", Map.of("_csrf", csrf,
                "unitId", Long.toString(otherCommune), "name", "Chợ khác"))));
        walk.put("GET /markets/{id}", () -> pageDenied(officer.getHtml(marketPage)));
        walk.put("POST /markets/{id}/traders", () -> pageDenied(officer.postForm(marketPage + "/traders",
                Map.of("_csrf", csrf, "name", "Người bán"))));
        walk.put("POST /markets/{id}/traders/{traderId}", () -> pageDenied(officer.postForm(marketPage + "/traders/"
                + cc.trader(), Map.of("_csrf", csrf, "met", "CASHLESS"))));
        walk.put("GET /recognised", () -> assertThat(officer.getHtml("/recognised").body()).contains("<h1>"));
        walk.put("GET /recognition", () -> assertThat(officer.getHtml("/recognition").body()).contains("<h1>")
                .doesNotContain(OutsideCascade.NOMINEE));
        walk.put("POST /recognition", () -> pageDenied(officer.postForm("/recognition", Map.of("_csrf", csrf,
                "kind", "CITIZEN", "personId", Long.toString(otherPerson), "evidenceText", "Đề cử người xã khác"))));
        walk.put("GET /recognition/{id}", () -> pageDenied(officer.getHtml(nominationPage)));
        walk.put("POST /recognition/{id}/evidence", () -> pageDenied(officer.postForm(nominationPage + "/evidence",
                Map.of("_csrf", csrf, "link", "https://example.org/z"))));
        walk.put("GET /recognition/{id}/evidence/{evidenceId}", () -> pageDenied(officer.getHtml(nominationPage
                + "/evidence/" + cc.evidence())));
        walk.put("POST /recognition/{id}/submit", () -> pageDenied(officer.postForm(nominationPage + "/submit",
                Map.of("_csrf", csrf))));
        walk.put("POST /recognition/{id}/decision", () -> pageDenied(officer.postForm(nominationPage + "/decision",
                Map.of("_csrf", csrf, "action", "approve"))));
        walk.put("POST /recognition/{id}/withdraw", () -> pageDenied(officer.postForm(nominationPage + "/withdraw",
                Map.of("_csrf", csrf, "reason", "Thu hồi"))));
        walk.put("GET /search", () -> assertThat(officer.getHtml("/search?q=cai%20vneid").body()).contains("<mark>")
                .doesNotContain("Hòa Phú"));
        walk.put("GET /assistant", () -> assertThat(officer.getHtml("/assistant").body()).contains("<h1>"));
        walk.put("POST /assistant", () -> assertThat(officer.postForm("/assistant", Map.of("_csrf", csrf,
                "question", "lam sao cai vneid")).body()).contains("vneid-dinh-danh-muc-2"));

        walk.put("GET /contests", () -> assertThat(officer.getHtml("/contests").body()).contains("<h1>")
                .contains(OutsideContest.TITLE).doesNotContain(OutsideContest.OTHER));
        walk.put("POST /contests", () -> pageDenied(officer.postForm("/contests", Map.of("_csrf", csrf, "unitId",
                String.valueOf(otherCommune), "title", "Không được", "organiser", "x"))));
        walk.put("GET /contests/{id}", () -> {
            assertThat(officer.getHtml("/contests/" + oc.contest()).body()).contains(OutsideContest.TITLE);
            pageDenied(officer.getHtml("/contests/" + oc.other()));
        });
        walk.put("POST /contests/{id}/rounds", () -> pageDenied(officer.postForm("/contests/" + oc.contest() + "/rounds",
                Map.of("_csrf", csrf, "title", "x", "draw", "1:*:1"))));
        walk.put("GET /contests/rounds/{roundId}", () -> {
            assertThat(officer.getHtml("/contests/rounds/" + oc.round()).body()).contains("H&#39;Hen N.");
            pageDenied(officer.getHtml("/contests/rounds/" + oc.otherRound()));
        });
        walk.put("POST /contests/rounds/{roundId}/close", () -> pageDenied(officer.postForm("/contests/rounds/"
                + oc.openRound() + "/close", Map.of("_csrf", csrf))));
        walk.put("POST /contests/rounds/{roundId}/publish", () -> pageDenied(officer.postForm("/contests/rounds/"
                + oc.round() + "/publish", Map.of("_csrf", csrf))));
        walk.put("POST /contests/rounds/{roundId}/exclusions", () -> pageDenied(officer.postForm("/contests/rounds/"
                + oc.round() + "/exclusions", Map.of("_csrf", csrf, "entryId", "x", "reason", "x"))));
        walk.put("POST /contests/rounds/{roundId}/exclusions/{entryId}/reinstatement", () -> pageDenied(officer.postForm(
                "/contests/rounds/" + oc.round() + "/exclusions/x/reinstatement", Map.of("_csrf", csrf))));
        walk.put("GET /contests/rounds/{roundId}/prizes.xlsx", () -> pageDenied(officer.getHtml("/contests/rounds/"
                + oc.round() + "/prizes.xlsx")));
        walk.put("GET /contests/{id}/prizes.xlsx", () -> pageDenied(officer.getHtml("/contests/" + oc.contest()
                + "/prizes.xlsx")));
        walk.put("GET /contests/rounds/{roundId}/prizes.docx", () -> pageDenied(officer.getHtml("/contests/rounds/"
                + oc.round() + "/prizes.docx")));
        walk.put("GET /contests/{id}/prizes.docx", () -> pageDenied(officer.getHtml("/contests/" + oc.contest()
                + "/prizes.docx")));
        walk.put("POST /contests/rounds/{roundId}/enter", () -> assertThat(officer.postForm("/contests/rounds/"
                + oc.openRound() + "/enter", Map.of("_csrf", csrf)).body()).contains("chưa gắn với hồ sơ người học"));
        walk.put("GET /contests/entries/{id}", () -> notHers(officer.getHtml("/contests/entries/" + oc.entry())));
        walk.put("POST /contests/entries/{id}", () -> notHers(officer.postForm("/contests/entries/" + oc.entry(),
                Map.of("_csrf", csrf, "q1", "0", "action", "submit", "prediction", "1"))));
        walk.put("POST /contests/entries/{id}/items/{position}", () -> assertThat(officer.postForm("/contests/entries/"
                + oc.entry() + "/items/1", Map.of("_csrf", csrf, "choice", "0")).status()).isEqualTo(400));
        walk.put("GET /contests/entries/{id}/result", () -> notHers(officer.getHtml("/contests/entries/" + oc.entry()
                + "/result")));
        walk.put("GET /me/privacy", () -> noPersonPage(officer.getHtml("/me/privacy")));
        walk.put("POST /me/privacy", () -> noPersonPage(officer.postForm("/me/privacy", Map.of("_csrf", csrf,
                "PUBLIC_MODEL_LIST", "no"))));
        walk.put("GET /me/data", () -> noPersonPage(officer.getHtml("/me/data")));
        walk.put("GET /me/data/download", () -> noPersonPage(officer.getHtml("/me/data/download?format=xlsx")));
        walk.put("POST /me/data/corrections", () -> noPersonPage(officer.postForm("/me/data/corrections", Map.of(
                "_csrf", csrf, "field", "BIRTH_DATE", "requestedValue", "01/01/1980"))));
        walk.put("POST /me/data/erasure", () -> noPersonPage(officer.postForm("/me/data/erasure", Map.of(
                "_csrf", csrf, "confirm", "yes"))));
        walk.put("GET /privacy/breaches", () -> pageDenied(officer.getHtml("/privacy/breaches")));
        walk.put("POST /privacy/breaches", () -> pageDenied(officer.postForm("/privacy/breaches", Map.of("_csrf", csrf,
                "unitId", String.valueOf(otherCommune), "description", "Sự cố", "foundAt", "2026-01-05T08:00",
                "affected", "1 người"))));
        walk.put("POST /privacy/breaches/{id}", () -> pageDenied(officer.postForm("/privacy/breaches/" + op.breach(),
                Map.of("_csrf", csrf, "notifiedAt", "2026-01-05T09:00"))));
        walk.put("GET /privacy/admin", () -> pageDenied(officer.getHtml("/privacy/admin")));
        walk.put("POST /privacy/notices", () -> pageDenied(officer.postForm("/privacy/notices", Map.of("_csrf", csrf,
                "unitId", String.valueOf(otherCommune), "title", "Thông báo", "body", "Nội dung", "contact", "Liên hệ"))));
        walk.put("POST /privacy/retention/rules/{kind}", () -> pageDenied(officer.postForm("/privacy/retention/rules/GUIDANCE_NAME",
                Map.of("_csrf", csrf, "days", "400"))));
        walk.put("POST /privacy/retention/runs", () -> pageDenied(officer.postForm("/privacy/retention/runs",
                Map.of("_csrf", csrf))));
        walk.put("GET /privacy/corrections", () -> assertThat(officer.getHtml("/privacy/corrections?open=false").body())
                .contains("<h1>").doesNotContain(OutsidePrivacy.VALUE));
        walk.put("POST /privacy/corrections/{id}/answer", () -> pageDenied(officer.postForm("/privacy/corrections/"
                + op.correction() + "/answer", Map.of("_csrf", csrf, "outcome", "DONE"))));

        // emulation: the ward's own reviews only
        int reviewYear = LocalDate.now().getYear() - 1;
        walk.put("GET /emulation", () -> assertThat(officer.getHtml("/emulation").body()).contains("<h1>"));
        walk.put("GET /emulation/reviews", () -> {
            assertThat(officer.getHtml("/emulation/reviews").body()).contains("Phường Buôn Ma Thuột").doesNotContain("Hòa Phú");
            pageDenied(officer.getHtml("/emulation/reviews?unit=" + unit("66")));
        });
        walk.put("GET /emulation/reviews/{unitId}/{year}", () -> pageDenied(officer.getHtml("/emulation/reviews/"
                + otherCommune + "/" + reviewYear)));
        walk.put("POST /emulation/reviews/{unitId}/{year}", () -> pageDenied(officer.postForm("/emulation/reviews/"
                + otherCommune + "/" + reviewYear, Map.of("_csrf", csrf, "heldOn", reviewYear + "-12-01", "chair", "X",
                "attendance", "5"))));

        walk.put("GET /emulation/campaigns", () -> assertThat(officer.getHtml("/emulation/campaigns").body())
                .contains(OutsideRewards.TITLE).doesNotContain(OutsideRewards.OTHER));
        walk.put("POST /emulation/campaigns", () -> pageDenied(officer.postForm("/emulation/campaigns", Map.of("_csrf", csrf,
                "unitId", Long.toString(unit("66")), "title", "Không được"))));
        walk.put("GET /emulation/campaigns/{id}", () -> {
            assertThat(officer.getHtml("/emulation/campaigns/" + or.campaign()).body()).contains(OutsideRewards.TITLE);
            pageDenied(officer.getHtml("/emulation/campaigns/" + or.other()));
        });
        walk.put("POST /emulation/campaigns/{id}/proposals", () -> pageDenied(officer.postForm("/emulation/campaigns/"
                + or.campaign() + "/proposals", Map.of("_csrf", csrf, "proposerUnitId", Long.toString(otherCommune),
                "candidateUnitId", Long.toString(otherCommune), "rewardForm", "COMMUNE_COMMENDATION", "reason", "x"))));
        walk.put("POST /emulation/proposals/{id}/submit", () -> pageDenied(officer.postForm("/emulation/proposals/"
                + or.draft() + "/submit", Map.of("_csrf", csrf))));
        walk.put("POST /emulation/proposals/{id}/appraisal", () -> pageDenied(officer.postForm("/emulation/proposals/"
                + or.draft() + "/appraisal", Map.of("_csrf", csrf, "accepted", "true"))));
        walk.put("POST /emulation/campaigns/{id}/decisions", () -> pageDenied(officer.postForm("/emulation/campaigns/"
                + or.campaign() + "/decisions", Map.of("_csrf", csrf, "number", "9/QĐ", "decidedOn",
                LocalDate.now().toString(), "proposalIds", Long.toString(or.draft())))));
        walk.put("GET /emulation/decisions/{id}/annex.xlsx", () -> pageDenied(officer.getHtml("/emulation/decisions/"
                + or.decision() + "/annex.xlsx")));
        walk.put("GET /emulation/campaigns/{id}/letter.docx", () -> pageDenied(officer.getHtml("/emulation/campaigns/"
                + or.campaign() + "/letter.docx?unit=" + otherCommune)));

        TreeSet<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream()
                .filter(p -> !p.startsWith("/api/") && !p.startsWith("/error") && !p.startsWith("/v3/")
                        && !p.startsWith("/swagger") && !method.getBeanType().getName().startsWith("org.springdoc"))
                .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m + " " + p))));
        TreeSet<String> unwalked = new TreeSet<>(mapped);
        unwalked.removeAll(walk.keySet());
        if (!unwalked.isEmpty()) {
            fail("Pages without a scope check in this walk: " + unwalked);
        }
        List<String> foreign = foreignNames();
        // pages escape an apostrophe as &#39;
        List<String> escaped = foreign.stream().map(n -> n.replace("'", "&#39;")).toList();
        officer.watch((auth, r) -> assertThat(r.body()).as("no name from outside the ward on any page")
                .doesNotContain(foreign).doesNotContain(escaped));
        try {
            mapped.forEach(page -> walk.get(page).run());
        } finally {
            officer.watch(null);
        }
        assertThat(snapshot()).as("nothing outside the ward changed").isEqualTo(before);
        assertThat(jdbc.sql("SELECT status FROM import_job WHERE id = ?").param(adminsImport).query(String.class).single())
                .isEqualTo("UPLOADED");
    }

    /** A correction request of H'Hen Niê (Xã Hòa Phú) and a notice of Lâm Đồng, both outside the ward. */
    record OutsidePrivacy(long correction, long notice, long breach) {
        static final String VALUE = "Ngày sinh đúng là 21/11/1979";
    }

    private OutsidePrivacy hoaPhusPrivacy() {
        long hen = person("H'Hen Niê");
        String path = jdbc.sql("SELECT path FROM unit WHERE code = '24175.01'").query(String.class).single();
        Long correction = jdbc.sql("SELECT MIN(id) FROM privacy_correction WHERE person_id = ?").param(hen)
                .query(Long.class).optional().orElse(null);
        if (correction == null) {
            jdbc.sql("""
                    INSERT INTO privacy_correction (person_id, unit_path, field, requested_value, status, created_at)
                    VALUES (?, ?, 'BIRTH_DATE', ?, 'OPEN', CURRENT_TIMESTAMP)""").params(hen, path, OutsidePrivacy.VALUE).update();
            correction = jdbc.sql("SELECT MIN(id) FROM privacy_correction WHERE person_id = ?").param(hen)
                    .query(Long.class).single();
        }
        long lamDong = unit("68");
        Long notice = jdbc.sql("SELECT MIN(id) FROM privacy_notice WHERE unit_id = ?").param(lamDong).query(Long.class)
                .optional().orElse(null);
        if (notice == null) {
            notice = http.post("/api/v1/privacy/notices", token("lamdong-admin"), World.map("unitId", lamDong,
                    "title", "Thông báo Lâm Đồng", "body", "Nội dung", "contact", "dpo@lamdong.gov.vn")).json().get("id").asLong();
        }
        Long breach = jdbc.sql("SELECT MIN(id) FROM privacy_breach WHERE unit_id = ?").param(lamDong).query(Long.class)
                .optional().orElse(null);
        if (breach == null) {
            breach = http.post("/api/v1/privacy/breaches", token("lamdong-admin"), World.map("unitId", lamDong,
                    "description", "Thất lạc danh sách", "foundAt", java.time.Instant.now().toString(),
                    "affected", "12 người dân")).json().get("id").asLong();
        }
        return new OutsidePrivacy(correction, notice, breach);
    }

    private static void noPerson(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("chưa gắn với hồ sơ người dân");
    }

    private static void noPersonPage(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("<h1>", "chưa gắn với hồ sơ người dân");
    }

    private static void pageDenied(Http.Response r) {
        assertThat(r.status()).as(r.body()).isIn(403, 404);
        assertThat(r.body()).contains("<h1>");
    }

    private String firstLesson() {
        return jdbc.sql("SELECT l.code FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.code = ? ORDER BY l.position LIMIT 1")
                .param(STARTER).query(String.class).single();
    }

    /** A certificate of H'Hen Niê (Xã Hòa Phú), outside the officer's ward, issued as a pass would issue it. */
    private String hensCertificate() {
        long hen = person("H'Hen Niê");
        return jdbc.sql("SELECT id FROM certificate WHERE person_id = ? AND attempt_id = 'scope-walk'").param(hen)
                .query(String.class).optional().orElseGet(() -> {
                    SystemUser.run(SystemUser.SYSTEM, () -> certificates.onPass(new AttemptPassed("scope-walk", "scope-walk",
                            hen, TargetGroup.WORKER, "1.0", 90, java.time.Instant.now())));
                    return jdbc.sql("SELECT id FROM certificate WHERE attempt_id = 'scope-walk'").query(String.class).single();
                });
    }

    /** A plan of Xã Hòa Phú, outside the ward: one task (with a name to link by hand) and one evidence file. */
    record OutsidePlan(long plan, long task, long link, long evidence) {
        static final String TITLE = "Kế hoạch xã Hòa Phú — phạm vi";
        static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        static final byte[] TABLE = "STT,Nhiệm vụ,Chủ trì,Thời gian\n1,Thêm lớp học,UBND phường Buôn Ma Thuột,2026\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    private OutsidePlan hoaPhusPlan(String admin) {
        Long plan = jdbc.sql("SELECT id FROM plan WHERE title = ?").param(OutsidePlan.TITLE).query(Long.class).optional()
                .orElse(null);
        if (plan == null) {
            Http.Response created = http.post("/api/v1/plans", admin, World.map("title", OutsidePlan.TITLE,
                    "issuerUnitId", unit("24175"), "fromYear", 2026));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            plan = created.json().get("id").asLong();
            Http.Response task = http.post("/api/v1/plans/" + plan + "/tasks", admin, World.map("number", "1", "content",
                    "Tổ chức lớp học “Bình dân học vụ số” tại Buôn Kô Sir", "leads", "UBND xã Hòa Phú; Đội thanh niên tình nguyện",
                    "due", "Quý II/2026"));
            assertThat(task.status()).as(task.body()).isEqualTo(201);
        }
        long task = jdbc.sql("SELECT id FROM plan_task WHERE plan_id = ?").param(plan).query(Long.class).single();
        long link = jdbc.sql("SELECT id FROM plan_task_unit WHERE task_id = ? AND name_text = 'Đội thanh niên tình nguyện'")
                .param(task).query(Long.class).single();
        Long evidence = jdbc.sql("SELECT MIN(id) FROM plan_task_evidence WHERE task_id = ?").param(task).query(Long.class)
                .optional().orElse(null);
        if (evidence == null) {
            evidence = http.upload("/api/v1/plans/" + plan + "/tasks/" + task + "/evidence", admin, Map.of(), "bien-ban.pdf",
                    OutsidePlan.PDF).json().get("id").asLong();
        }
        return new OutsidePlan(plan, task, link, evidence);
    }

    /** A budget line of Xã Hòa Phú's plan, held by the commune. */
    private long hoaPhusBudgetLine(String admin, long plan) {
        return jdbc.sql("SELECT id FROM budget_line WHERE plan_id = ? ORDER BY id LIMIT 1").param(plan).query(Long.class).optional()
                .orElseGet(() -> http.post("/api/v1/plans/" + plan + "/budget-lines", admin, World.map("unitId", unit("24175"),
                        "source", "COMMUNE", "title", "Kinh phí lớp học Buôn Kô Sir", "estimate", 10_000_000,
                        "allocated", 8_000_000)).json().get("id").asLong());
    }

    private long hoaPhusSpending(String admin, long line) {
        return jdbc.sql("SELECT id FROM budget_spending WHERE line_id = ? ORDER BY id LIMIT 1").param(line).query(Long.class)
                .optional().orElseGet(() -> http.post("/api/v1/budget-lines/" + line + "/spending", admin, World.map("year",
                        2024, "quarter", 1, "amount", 2_000_000, "documentRef", "Phiếu chi Hòa Phú 01")).json()
                        .get("spending").get(0).get("id").asLong());
    }

    /** A telecom registered by the province, outside the ward's reach, with one commitment. */
    record OutsidePartner(long partner, long commitment) {
        static final String NAME = "Doanh nghiệp viễn thông của tỉnh — phạm vi";
    }

    private OutsidePartner provincePartner(String admin) {
        Long id = jdbc.sql("SELECT id FROM partner WHERE name = ?").param(OutsidePartner.NAME).query(Long.class).optional()
                .orElse(null);
        if (id == null) {
            id = http.post("/api/v1/partners", admin, World.map("unitId", unit("66"), "name", OutsidePartner.NAME,
                    "kind", "TELECOM")).json().get("id").asLong();
            http.post("/api/v1/partners/" + id + "/commitments", admin, World.map("kind", "DEVICES", "description",
                    "Máy tính bảng cho điểm học tập", "quantity", 20, "startsOn", "2026-01-01", "endsOn", "2026-12-31"));
        }
        long commitment = jdbc.sql("SELECT id FROM partner_commitment WHERE partner_id = ? ORDER BY id LIMIT 1").param(id)
                .query(Long.class).single();
        return new OutsidePartner(id, commitment);
    }

    /** A team of Buôn Kô Sir (Xã Hòa Phú), outside the ward, with one guidance session recorded by the province. */
    record OutsideTeam(long team, long session, long village) {
        static final String NAME = "Tổ công nghệ số cộng đồng Buôn Kô Sir";
        static final String HELPED = "Người Ở Buôn Kô Sir";

        Map<String, Object> entryThere() {
            return World.map("clientId", java.util.UUID.randomUUID().toString(), "unitId", village, "place", "HOME",
                    "minutes", 10, "outcome", "DONE", "topics", List.of("VNEID"),
                    "people", List.of(World.map("fullName", "Ai Đó", "birthYear", 1960)));
        }
    }

    private OutsideTeam hoaPhusTeam(String admin) {
        long village = unit("24175.01");
        Long team = jdbc.sql("SELECT id FROM community_team WHERE name = ?").param(OutsideTeam.NAME).query(Long.class)
                .optional().orElse(null);
        if (team == null) {
            team = http.post("/api/v1/teams", admin, World.map("unitId", village, "name", OutsideTeam.NAME)).json()
                    .get("id").asLong();
            http.post("/api/v1/guidance", admin, World.map("clientId", java.util.UUID.randomUUID().toString(),
                    "unitId", village, "place", "HOME", "minutes", 10, "outcome", "DONE", "topics", List.of("VNEID"),
                    "people", List.of(World.map("fullName", OutsideTeam.HELPED, "birthYear", 1950))));
        }
        long session = jdbc.sql("SELECT MIN(id) FROM guidance_session WHERE team_id = ?").param(team).query(Long.class).single();
        return new OutsideTeam(team, session, village);
    }

    /** A class (held today, one person present), an outreach item and an event of Xã Hòa Phú, outside the ward. */
    record OutsideCommunity(long classId, long sessionId, String token, long outreachId, long eventId) {
        static final String TITLE = "Lớp học Buôn Kô Sir — phạm vi";
        static final String ITEM = "Tin bài xã Hòa Phú — phạm vi";
        static final String EVENT = "Ngày hội học tập xã Hòa Phú — phạm vi";
    }

    private OutsideCommunity hoaPhusCommunity(String admin) {
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        Long classId = jdbc.sql("SELECT id FROM community_class WHERE title = ?").param(OutsideCommunity.TITLE)
                .query(Long.class).optional().orElse(null);
        if (classId == null) {
            Http.Response c = http.post("/api/v1/classes", admin, World.map("unitId", unit("24175.01"), "title",
                    OutsideCommunity.TITLE, "sessions", List.of(World.map("date", today, "startsAt", "08:00", "endsAt", "10:00"))));
            assertThat(c.status()).as(c.body()).isEqualTo(201);
            classId = c.json().get("id").asLong();
            long session = c.json().get("sessions").get(0).get("id").asLong();
            assertThat(http.post("/api/v1/classes/" + classId + "/sessions/" + session + "/attendance", admin,
                    World.map("personId", person("H'Hen Niê"))).status()).isEqualTo(200);
            assertThat(http.post("/api/v1/outreach", admin, World.map("unitId", unit("24175"), "publishedOn", today,
                    "channel", "NEWS", "title", OutsideCommunity.ITEM, "link", "https://hoaphu.daklak.gov.vn/tin/1")).status())
                    .isEqualTo(201);
            assertThat(http.post("/api/v1/events", admin, World.map("kind", "LEARNING_FESTIVAL", "title", OutsideCommunity.EVENT,
                    "heldOn", today, "unitId", unit("24175"))).status()).isEqualTo(201);
        }
        long session = jdbc.sql("SELECT MIN(id) FROM class_session WHERE class_id = ?").param(classId).query(Long.class).single();
        String token = http.get("/api/v1/classes/" + classId + "/sessions/" + session + "/checkin-code", admin).json()
                .get("token").asText();
        long item = jdbc.sql("SELECT id FROM outreach_item WHERE title = ?").param(OutsideCommunity.ITEM).query(Long.class).single();
        long event = jdbc.sql("SELECT id FROM community_event WHERE title = ?").param(OutsideCommunity.EVENT).query(Long.class)
                .single();
        return new OutsideCommunity(classId, session, token, item, event);
    }

    /**
     * Xã Hòa Phú's community records: a cascade (Trần Thị Bình guiding Y Nguyên Êban), a market
     * with a trader, and a nomination waiting for the commune, with an evidence file.
     */
    record OutsideCascade(long guide, long market, long trader, long nomination, long evidence) {
        static final String GUIDE = "Trần Thị Bình";
        static final String NOMINEE = "Y Nguyên Êban";
        static final String MARKET = "Chợ Hòa Phú — phạm vi";
    }

    private OutsideCascade hoaPhusCascade(String admin) {
        CascadeScenarios.people(imports, jdbc);
        long guide = person(OutsideCascade.GUIDE);
        long learner = person(OutsideCascade.NOMINEE);
        if (jdbc.sql("SELECT COUNT(*) FROM ambassador_link WHERE learner_id = ?").param(learner).query(Long.class).single() == 0) {
            Http.Response r = http.post("/api/v1/ambassadors/links", admin, World.map("guideId", guide, "learnerId", learner));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        Long market = jdbc.sql("SELECT id FROM market WHERE name = ?").param(OutsideCascade.MARKET).query(Long.class)
                .optional().orElse(null);
        if (market == null) {
            market = http.post("/api/v1/markets", admin, World.map("unitId", unit("24175"), "name", OutsideCascade.MARKET))
                    .json().get("id").asLong();
            http.post("/api/v1/markets/" + market + "/traders", admin, World.map("name", "Chị H'Linh"));
        }
        long trader = jdbc.sql("SELECT MIN(id) FROM market_trader WHERE market_id = ?").param(market).query(Long.class).single();
        Long nomination = jdbc.sql("SELECT MIN(id) FROM nomination WHERE person_id = ?").param(learner).query(Long.class)
                .optional().orElse(null);
        if (nomination == null) {
            nomination = http.post("/api/v1/recognition/nominations", admin, World.map("kind", "CITIZEN", "personId", learner,
                    "evidenceText", "Hướng dẫn cả buôn dùng VNeID", "criteria", List.of("VNEID"))).json().get("id").asLong();
            http.upload("/api/v1/recognition/nominations/" + nomination + "/files", admin, Map.of(), "anh.pdf",
                    OutsidePlan.PDF);
            Http.Response r = http.post("/api/v1/recognition/nominations/" + nomination + "/submit", admin, null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        long evidence = jdbc.sql("SELECT MIN(id) FROM nomination_evidence WHERE nomination_id = ?").param(nomination)
                .query(Long.class).single();
        return new OutsideCascade(guide, market, trader, nomination, evidence);
    }

    /** Everyone the officer of Phường Buôn Ma Thuột must never see named: registry persons elsewhere, helped people elsewhere. */
    private List<String> foreignNames() {
        String ward = jdbc.sql("SELECT path FROM unit WHERE code = '24133'").query(String.class).single();
        List<String> names = new java.util.ArrayList<>(jdbc.sql("""
                SELECT DISTINCT p.full_name FROM person p JOIN unit u ON u.id = p.residence_unit_id
                WHERE u.path NOT LIKE ?""").param(ward + "%").query(String.class).list());
        names.add(OutsideTeam.HELPED);
        assertThat(names).contains("H'Hen Niê", OutsideCascade.GUIDE);
        return names;
    }

    /**
     * A closed round of the province's contest with an entry of H'Hen Niê (Xã Hòa Phú, outside the
     * ward), an open round, and a contest of Lâm Đồng the officer has nothing to do with.
     */
    record OutsideContest(long contest, long round, long openRound, String entry, long other, long otherRound) {
        static final String TITLE = "Cuộc thi phạm vi Đắk Lắk";
        static final String OTHER = "Cuộc thi phạm vi Lâm Đồng";
    }

    private OutsideContest contests(String admin) {
        Long contest = jdbc.sql("SELECT id FROM contest WHERE title = ?").param(OutsideContest.TITLE).query(Long.class)
                .optional().orElse(null);
        if (contest == null) {
            SystemUser.run(SystemUser.SYSTEM, () -> {
                if (accounts.loadByUsername("contest-hen").isEmpty()) {
                    accounts.create("contest-hen", "Người dự thi Hòa Phú", World.PASSWORD, person("H'Hen Niê"),
                            List.of(new vn.binhdan.identity.AccountService.GrantSpec(vn.binhdan.shared.Role.LEARNER,
                                    unit("24175"))));
                }
            });
            java.time.Instant now = java.time.Instant.now();
            Map<String, Object> round = World.map("title", "Vòng phạm vi", "opensAt", now.minusSeconds(60).toString(),
                    "closesAt", now.plusSeconds(86400).toString(), "timeLimitMinutes", 10,
                    "draw", List.of(World.map("area", "1", "count", 2)));
            contest = http.post("/api/v1/contests", admin, World.map("unitId", unit("66"), "title", OutsideContest.TITLE,
                    "organiser", "Sở KH&CN")).json().get("id").asLong();
            long closed = http.post("/api/v1/contests/" + contest + "/rounds", admin, round).json().get("id").asLong();
            http.post("/api/v1/contests/" + contest + "/rounds", admin, round);
            String hen = token("contest-hen");
            String entry = http.post("/api/v1/contest-rounds/" + closed + "/entries", hen, null).json().get("entryId").asText();
            assertThat(http.post("/api/v1/me/contest-entries/" + entry + "/submit", hen, World.map("prediction", 1))
                    .status()).isEqualTo(200);
            assertThat(http.post("/api/v1/contest-rounds/" + closed + "/close", admin, null).status()).isEqualTo(200);
            String lamDong = token("lamdong-admin");
            long other = http.post("/api/v1/contests", lamDong, World.map("unitId", unit("68"), "title", OutsideContest.OTHER,
                    "organiser", "Sở KH&CN Lâm Đồng")).json().get("id").asLong();
            http.post("/api/v1/contests/" + other + "/rounds", lamDong, round);
        }
        List<Long> rounds = jdbc.sql("SELECT id FROM contest_round WHERE contest_id = ? ORDER BY number").param(contest)
                .query(Long.class).list();
        String entry = jdbc.sql("SELECT id FROM contest_entry WHERE round_id = ?").param(rounds.get(0)).query(String.class)
                .single();
        long other = jdbc.sql("SELECT id FROM contest WHERE title = ?").param(OutsideContest.OTHER).query(Long.class).single();
        long otherRound = jdbc.sql("SELECT id FROM contest_round WHERE contest_id = ?").param(other).query(Long.class).single();
        return new OutsideContest(contest, rounds.get(0), rounds.get(1), entry, other, otherRound);
    }

    /**
     * A commendation campaign of the province with Xã Hòa Phú's decided proposal for H'Hen Niê and a
     * submitted one for the commune itself, and a campaign of Lâm Đồng.
     */
    record OutsideRewards(long campaign, long proposal, long draft, long decision, long other) {
        static final String TITLE = "Khen thưởng phạm vi Đắk Lắk";
        static final String OTHER = "Khen thưởng phạm vi Lâm Đồng";
    }

    private OutsideRewards rewards(String admin) {
        Long campaign = jdbc.sql("SELECT id FROM reward_campaign WHERE title = ?").param(OutsideRewards.TITLE)
                .query(Long.class).optional().orElse(null);
        if (campaign == null) {
            int year = LocalDate.now().getYear();
            campaign = http.post("/api/v1/reward-campaigns", admin, World.map("unitId", unit("66"), "title",
                    OutsideRewards.TITLE, "year", year)).json().get("id").asLong();
            String proposals = "/api/v1/reward-campaigns/" + campaign + "/proposals";
            long hen = http.post(proposals, admin, World.map("proposerUnitId", unit("24175"), "personId", person("H'Hen Niê"),
                    "rewardForm", "COMMUNE_COMMENDATION", "reason", "Hướng dẫn bà con")).json().get("id").asLong();
            long commune = http.post(proposals, admin, World.map("proposerUnitId", unit("24175"), "candidateUnitId",
                    unit("24175"), "rewardForm", "COMMUNE_COMMENDATION", "reason", "Xã tiêu biểu")).json().get("id").asLong();
            http.post("/api/v1/reward-proposals/" + hen + "/submit", admin, null);
            http.post("/api/v1/reward-proposals/" + commune + "/submit", admin, null);
            http.post("/api/v1/reward-proposals/" + hen + "/appraisal", admin, World.map("accepted", true));
            assertThat(http.post("/api/v1/reward-campaigns/" + campaign + "/decisions", admin, World.map("number", "77/QĐ-UBND",
                    "decidedOn", LocalDate.now().toString(), "proposalIds", List.of(hen))).status()).isEqualTo(201);
            http.post("/api/v1/reward-campaigns", token("lamdong-admin"), World.map("unitId", unit("68"), "title",
                    OutsideRewards.OTHER, "year", year));
        }
        long proposal = jdbc.sql("SELECT id FROM reward_proposal WHERE campaign_id = ? AND person_id IS NOT NULL")
                .param(campaign).query(Long.class).single();
        long draft = jdbc.sql("SELECT id FROM reward_proposal WHERE campaign_id = ? AND person_id IS NULL")
                .param(campaign).query(Long.class).single();
        long decision = jdbc.sql("SELECT id FROM reward_decision WHERE campaign_id = ?").param(campaign).query(Long.class)
                .single();
        long other = jdbc.sql("SELECT id FROM reward_campaign WHERE title = ?").param(OutsideRewards.OTHER)
                .query(Long.class).single();
        return new OutsideRewards(campaign, proposal, draft, decision, other);
    }

    /** The officer has no learner record: someone else's entry stays closed to them. */
    private static void notHers(Http.Response r) {
        assertThat(r.status()).as(r.body()).isIn(400, 403, 404);
        assertThat(r.body()).contains("<h1>");
    }

    private static void noLearner(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("chưa gắn với hồ sơ người học");
    }

    private String snapshot() {
        return jdbc.sql("SELECT COUNT(*) FROM course").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM course_module").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM lesson").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM enrolment").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM learning_statement").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM skills_framework").query(Long.class).single() + "/"
                + jdbc.sql("SELECT MAX(title) || MAX(status) FROM course").query(String.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM unit").query(Long.class).single() + "/"
                + jdbc.sql("SELECT name FROM unit WHERE code = '24175'").query(String.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single() + "/"
                + jdbc.sql("SELECT full_name FROM person WHERE full_name LIKE 'H''Hen%'").query(String.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM population_denominator").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM certificate WHERE revoked_at IS NOT NULL").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM issuer_key").query(Long.class).single() + "/"
                + jdbc.sql("SELECT prompt FROM question WHERE code = 'KNS-1.1-01'").query(String.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM confirmation_outbox WHERE next_attempt_at > created_at").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM plan").query(Long.class).single() + "/"
                + jdbc.sql("SELECT MAX(title) FROM plan").query(String.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM plan_task").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM plan_task WHERE status <> 'NOT_STARTED'").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM plan_task_unit WHERE unit_id IS NOT NULL").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM plan_task_note").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM plan_task_evidence").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM exam_attempt").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM indicator_target").query(Long.class).single() + "/"
                + jdbc.sql("SELECT SUM(weight) FROM ranking_criterion").query(String.class).single() + "/"
                + jdbc.sql("SELECT MAX(missing_data) FROM ranking_rule").query(String.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM mon_check").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM report_submission").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM report_history").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM report_reminder").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM community_team").query(Long.class).single() + "/"
                + jdbc.sql("SELECT MAX(name) FROM community_team").query(String.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM community_team_member").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM guidance_session").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM guidance_session WHERE deleted_at IS NOT NULL").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM guidance_topic WHERE active").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM community_class WHERE cancelled_at IS NULL").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM class_session WHERE held_at IS NOT NULL").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM class_attendance").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM outreach_item WHERE withdrawn_at IS NULL").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM community_event WHERE cancelled_at IS NULL").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COALESCE(SUM(participants), 0) FROM event_participation").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM ambassador_link").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM ambassador_eligibility").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM digital_family").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM market").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM market_trader").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM market_trader_criterion").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM nomination_evidence").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) || MAX(status) || MAX(evidence_text) FROM nomination").query(String.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM placement_check").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM competency_mastery").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM contest").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) || MAX(title) FROM contest_round").query(String.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) || '/' || COUNT(finished_how) FROM contest_entry").query(String.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM contest_answer").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM contest_registration").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM contest_prize_list").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM privacy_correction WHERE status = 'OPEN'").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) || MAX(title) FROM privacy_notice").query(String.class).single() + "/"
                + jdbc.sql("SELECT SUM(days) FROM retention_rule").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM retention_run").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) + COUNT(notified_at) FROM privacy_breach").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) || '/' || COALESCE(SUM(attendance), 0) FROM year_end_review").query(String.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM reward_campaign").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) || MAX(status) || COUNT(decision_id) FROM reward_proposal").query(String.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM reward_decision").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM budget_line").query(Long.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM budget_spending").query(Long.class).single() + "/"
                + jdbc.sql("SELECT status FROM import_job WHERE created_by = 'province-admin' ORDER BY created_at DESC LIMIT 1")
                .query(String.class).single();
    }

    private static Http.Response ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    private static void denied(Http.Response r) {
        assertThat(r.status()).as(r.body()).isIn(403, 404);
        assertThat(r.json().get("detail").asText()).isNotBlank();
    }
}

package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * A province's plan as it is issued: its appendix imported from Excel (title rows, merged lead
 * cells, sections, blank rows, Vietnamese deadlines), unit names matched in the unit tree or
 * linked by hand, each ward seeing the tasks it leads or co-ordinates, overdue tasks flagged,
 * progress notes and evidence, and every change in the audit trail.
 */
public abstract class PlanScenarios extends EndToEnd {

    private long newPlan(String title) {
        return PlanFixtures.provincePlan(http, token("province-admin"), unit("66"), title);
    }

    private static JsonNode task(JsonNode plan, String content) {
        for (JsonNode s : plan.get("sections")) {
            for (JsonNode t : s.get("tasks")) {
                if (t.get("content").asText().equals(content)) {
                    return t;
                }
            }
        }
        throw new AssertionError("no task " + content + " in " + plan);
    }

    private static List<String> contents(JsonNode plan) {
        List<String> out = new ArrayList<>();
        plan.get("sections").forEach(s -> s.get("tasks").forEach(t -> out.add(t.get("content").asText())));
        return out;
    }

    private static List<String> names(JsonNode units) {
        List<String> out = new ArrayList<>();
        units.forEach(u -> out.add(u.get("name").asText() + (u.has("unitName") ? "=" + u.get("unitName").asText()
                : u.has("collective") ? "=" + u.get("collective").asText() : "=?")));
        return out;
    }

    @Test
    void theSeedAppendixIsReadIntoSectionsAndTasksWithDuesAndUnits() {
        String admin = token("province-admin");
        long plan = newPlan("Kế hoạch triển khai Phong trào “Bình dân học vụ số” năm 2026");

        JsonNode p = http.get("/api/v1/plans/" + plan, admin).json();
        assertThat(p.get("plan").get("editable").asBoolean()).isTrue();
        assertThat(p.get("plan").get("issuerName").asText()).isEqualTo("Tỉnh Đắk Lắk");
        JsonNode sections = p.get("sections");
        assertThat(PlanFixtures.texts(sections, "number")).containsExactly("I", "II", "III", "IV");
        assertThat(sections.get(0).get("title").asText()).isEqualTo("TRUYỀN THÔNG VÀ TUYÊN TRUYỀN");
        assertThat(contents(p)).hasSize(PlanFixtures.TASKS);
        assertThat(sections.get(0).get("tasks")).hasSize(4);
        assertThat(sections.get(3).get("tasks")).hasSize(4);

        // a comma inside a name is not a separator; lines and semicolons are; collectives are kept as such
        JsonNode first = sections.get(0).get("tasks").get(0);
        assertThat(first.get("number").asText()).isEqualTo("1");
        assertThat(names(first.get("leads"))).containsExactly("Sở Văn hóa, Thể thao và Du lịch=?");
        assertThat(names(first.get("coordinating"))).containsExactly("Các sở, ban, ngành=DEPARTMENTS",
                "UBND các xã, phường=COMMUNES", "Báo và Phát thanh, Truyền hình Đắk Lắk=?");
        assertThat(first.get("due").get("kind").asText()).isEqualTo("ONGOING");
        assertThat(first.get("overdue").asBoolean()).isFalse();

        // the merged lead cell applies to every task it spans
        for (int i = 1; i <= 3; i++) {
            assertThat(names(sections.get(0).get("tasks").get(i).get("leads")))
                    .containsExactly("Sở Khoa học và Công nghệ=Sở Khoa học và Công nghệ");
        }
        JsonNode launch = task(p, PlanFixtures.LAUNCH);
        assertThat(launch.get("due").get("kind").asText()).isEqualTo("MONTH");
        assertThat(launch.get("due").get("date").asText()).isEqualTo("2026-03-31");
        assertThat(launch.get("due").get("text").asText()).isEqualTo("Trong tháng 03/2026");
        JsonNode docs = sections.get(0).get("tasks").get(2);
        assertThat(docs.get("due").get("date").asText()).isEqualTo("2026-04-30");
        assertThat(names(docs.get("coordinating"))).contains("Các doanh nghiệp bưu chính, viễn thông trên địa bàn tỉnh=?");
        assertThat(names(sections.get(0).get("tasks").get(3).get("coordinating")))
                .containsExactly("Các sở, ban, ngành=DEPARTMENTS", "UBND các xã, phường=COMMUNES");

        JsonNode vneid = task(p, PlanFixtures.VNEID_TASK);
        assertThat(vneid.get("due").get("kind").asText()).isEqualTo("QUARTER");
        assertThat(vneid.get("due").get("date").asText()).isEqualTo("2026-06-30");
        // "UBND xã Hòa Phú" names the commune; "Công an tỉnh" is not in this tree
        assertThat(names(vneid.get("coordinating"))).containsExactly("UBND xã Hòa Phú=Xã Hòa Phú");
        assertThat(names(vneid.get("leads"))).containsExactly("Công an tỉnh=?");
        assertThat(names(task(p, PlanFixtures.WARD_CLASSES).get("leads")))
                .containsExactly("UBND phường Buôn Ma Thuột=UBND phường Buôn Ma Thuột");
        assertThat(task(p, PlanFixtures.PUPILS).get("due").get("kind").asText()).isEqualTo("YEAR_RANGE");
        assertThat(task(p, PlanFixtures.PUPILS).get("due").get("date").asText()).isEqualTo("2026-12-31");
        JsonNode festival = sections.get(3).get("tasks").get(0);
        assertThat(festival.get("due").get("date").asText()).as("of two dates the last counts").isEqualTo("2026-10-10");
        assertThat(names(festival.get("leads"))).containsExactly("Sở KH&CN=Sở Khoa học và Công nghệ",
                "các sở, ban, ngành=DEPARTMENTS", "UBND các xã, phường=COMMUNES");
        assertThat(task(p, PlanFixtures.REPORT).get("due").get("date").asText())
                .as("a deadline typed as an Excel date").isEqualTo("2026-12-10");

        // the names no unit was found for, for an officer to link by hand
        JsonNode unmatched = http.get("/api/v1/plans/" + plan + "/unmatched", admin).json();
        assertThat(PlanFixtures.texts(unmatched, "name")).contains("Công an tỉnh", "Sở Giáo dục và Đào tạo",
                "Sở Văn hóa, Thể thao và Du lịch", "Trường Trung học cơ sở Phan Chu Trinh")
                .doesNotContain("UBND các xã, phường", "Sở Khoa học và Công nghệ");
        assertThat(p.get("unmatched")).hasSize(unmatched.size());

        // the table goes in once: a second import is refused and adds nothing
        Http.Response again = http.upload("/api/v1/plans/" + plan + "/tasks/import", admin, Map.of(), "phu-luc.xlsx",
                PlanFixtures.seedTable());
        assertThat(again.status()).isEqualTo(409);
        assertThat(contents(http.get("/api/v1/plans/" + plan, admin).json())).hasSize(PlanFixtures.TASKS);
    }

    @Test
    void aFileWithoutATaskColumnIsRefusedAndRowErrorsApplyNothing() {
        String admin = token("province-admin");
        long plan = http.post("/api/v1/plans", admin, Map.of("title", "Kế hoạch thử bảng lỗi", "issuerUnitId", unit("66"),
                "fromYear", 2026)).json().get("id").asLong();

        Http.Response refused = http.upload("/api/v1/plans/" + plan + "/tasks/import", admin, Map.of(), "don-vi.xlsx",
                PlanFixtures.noTaskColumn());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).startsWith("Không tìm thấy cột nhiệm vụ trong tệp");

        Http.Response rejected = http.upload("/api/v1/plans/" + plan + "/tasks/import", admin, Map.of(), "bang.csv",
                PlanFixtures.tableWithErrors());
        assertThat(rejected.status()).isEqualTo(200);
        JsonNode result = rejected.json();
        assertThat(result.get("applied").asBoolean()).isFalse();
        assertThat(result.get("errors")).hasSize(2);
        assertThat(result.get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(result.get("errors").get(0).get("message").asText()).contains("Không hiểu thời gian “sớm nhất có thể”");
        assertThat(result.get("errors").get(1).get("row").asInt()).isEqualTo(4);
        assertThat(result.get("errors").get(1).get("message").asText()).contains("thiếu nội dung nhiệm vụ");
        assertThat(contents(http.get("/api/v1/plans/" + plan, admin).json())).as("all or nothing").isEmpty();

        // a preview reads without applying
        Http.Response preview = http.upload("/api/v1/plans/" + plan + "/tasks/import", admin, Map.of("preview", "true"),
                "phu-luc.xlsx", PlanFixtures.seedTable());
        assertThat(preview.json().get("applied").asBoolean()).isFalse();
        assertThat(preview.json().get("errors")).isEmpty();
        assertThat(preview.json().get("tasks").asInt()).isEqualTo(PlanFixtures.TASKS);
        assertThat(preview.json().get("sections").asInt()).isEqualTo(PlanFixtures.SECTIONS);
        assertThat(contents(http.get("/api/v1/plans/" + plan, admin).json())).isEmpty();

        // the page says the same, in Vietnamese, without applying anything
        Http browser = new Http(port, true);
        browser.formLogin("province-admin", World.PASSWORD);
        String csrf = Http.csrf(browser.getHtml("/plans/" + plan + "/import").body());
        Http.Response page = browser.upload("/plans/" + plan + "/import", null, Map.of("_csrf", csrf), "don-vi.xlsx",
                PlanFixtures.noTaskColumn());
        assertThat(page.body()).contains("role=\"alert\"").contains("Không tìm thấy cột nhiệm vụ trong tệp");
        Http.Response errors = browser.upload("/plans/" + plan + "/import", null, Map.of("_csrf", csrf), "bang.csv",
                PlanFixtures.tableWithErrors());
        assertThat(errors.body()).contains("Lỗi theo dòng", "sớm nhất có thể");
        assertThat(contents(http.get("/api/v1/plans/" + plan, admin).json())).isEmpty();
    }

    @Test
    void aWardOfficerSeesTheTasksTheWardLeadsOrCoordinatesAndCannotEditTheProvincesPlan() {
        String admin = token("province-admin");
        String officer = token("commune-officer");
        String other = token("other-officer");
        long plan = newPlan("Kế hoạch tỉnh — phạm vi phường");

        JsonNode seen = http.get("/api/v1/plans/" + plan, officer).json();
        assertThat(seen.get("plan").get("editable").asBoolean()).isFalse();
        assertThat(seen.get("unmatched")).isEmpty();
        List<String> officers = contents(seen);
        assertThat(officers).contains(PlanFixtures.WARD_CLASSES, PlanFixtures.LAUNCH, PlanFixtures.FRAMEWORK)
                .doesNotContain(PlanFixtures.VNEID_TASK, PlanFixtures.PUPILS)
                .noneMatch(c -> c.startsWith("Phổ cập kỹ năng số cho người lao động") || c.startsWith("Xác nhận phổ cập"));
        assertThat(officers).hasSize(PlanFixtures.TASKS - 4);
        List<String> others = contents(http.get("/api/v1/plans/" + plan, other).json());
        assertThat(others).contains(PlanFixtures.VNEID_TASK, PlanFixtures.LAUNCH).doesNotContain(PlanFixtures.WARD_CLASSES);
        JsonNode listed = null;
        for (JsonNode s : http.get("/api/v1/plans", officer).json()) {
            if (s.get("plan").get("id").asLong() == plan) {
                listed = s;
            }
        }
        assertThat(listed).as("the province's plan is listed for the ward").isNotNull();
        assertThat(listed.get("tasks").asInt()).as("counting only the ward's tasks").isEqualTo(PlanFixtures.TASKS - 4);

        long vneid = task(http.get("/api/v1/plans/" + plan, admin).json(), PlanFixtures.VNEID_TASK).get("id").asLong();
        assertThat(http.get("/api/v1/plans/" + plan + "/tasks/" + vneid, officer).status()).isEqualTo(404);

        // the province's plan is the province's to change
        assertThat(http.put("/api/v1/plans/" + plan, officer, Map.of("title", "Đổi tên", "issuerUnitId", unit("66"),
                "fromYear", 2026)).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/plans/" + plan + "/tasks", officer, Map.of("content", "Nhiệm vụ thêm")).status())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/plans/" + plan + "/unmatched", officer).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/plans", officer, Map.of("title", "Kế hoạch của xã khác", "issuerUnitId",
                unit("24175"), "fromYear", 2026)).status()).isEqualTo(403);
        // … and the ward's own plan is the ward's
        Http.Response own = http.post("/api/v1/plans", officer, Map.of("title", "Kế hoạch phường Buôn Ma Thuột 2026",
                "issuerUnitId", unit("24133"), "fromYear", 2026));
        assertThat(own.status()).isEqualTo(201);
        assertThat(http.get("/api/v1/plans/" + own.json().get("id").asLong(), other).status()).isEqualTo(404);

        // a name linked by hand brings its task to the unit
        JsonNode school = null;
        for (JsonNode u : http.get("/api/v1/plans/" + plan + "/unmatched", admin).json()) {
            if (u.get("name").asText().equals("Trường Trung học cơ sở Phan Chu Trinh")) {
                school = u;
            }
        }
        assertThat(school).isNotNull();
        Http.Response linked = http.put("/api/v1/plans/" + plan + "/links/" + school.get("linkId").asLong(), admin,
                Map.of("unitId", unit("24133-THCS")));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("unitName").asText()).isEqualTo("Trường THCS Phan Chu Trinh");
        assertThat(contents(http.get("/api/v1/plans/" + plan, officer).json())).contains(PlanFixtures.PUPILS);
        // linking outside the issuer's tree is refused
        JsonNode police = http.get("/api/v1/plans/" + plan + "/unmatched", admin).json().get(0);
        assertThat(http.put("/api/v1/plans/" + plan + "/links/" + police.get("linkId").asLong(), admin,
                Map.of("unitId", unit("22918"))).status()).isEqualTo(400);

        // the page shows the same scope
        Http browser = new Http(port, true);
        browser.formLogin("commune-officer", World.PASSWORD);
        String page = browser.getHtml("/plans/" + plan).body();
        assertThat(page).contains("Tổ chức Lớp học").doesNotContain("mức độ 2 (VNeID)", "/plans/" + plan + "/import",
                "Tên đơn vị chưa khớp");
        assertThat(browser.getHtml("/plans/" + plan + "/import").status()).isEqualTo(403);
    }

    @Test
    void overdueTasksAreFlaggedAndStandOutOnThePage() {
        String admin = token("province-admin");
        long plan = newPlan("Kế hoạch tỉnh — quá hạn");
        JsonNode p = http.get("/api/v1/plans/" + plan, admin).json();
        JsonNode framework = task(p, PlanFixtures.FRAMEWORK);
        assertThat(framework.get("due").get("date").asText()).isEqualTo("2025-09-30");
        assertThat(framework.get("overdue").asBoolean()).as("due in Quý III/2025 and not done").isTrue();
        assertThat(task(p, PlanFixtures.LAUNCH).get("status").asText())
                .isEqualTo("NOT_STARTED");
        JsonNode summary = null;
        for (JsonNode s : http.get("/api/v1/plans", admin).json()) {
            if (s.get("plan").get("id").asLong() == plan) {
                summary = s;
            }
        }
        assertThat(summary).isNotNull();
        assertThat(summary.get("overdue").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(summary.get("tasks").asInt()).isEqualTo(PlanFixtures.TASKS);

        Http browser = new Http(port, true);
        browser.formLogin("province-admin", World.PASSWORD);
        String page = browser.getHtml("/plans/" + plan).body();
        assertThat(page).contains("class=\"overdue\"").contains("Quá hạn");

        // done is done: a finished task is no longer overdue
        long id = framework.get("id").asLong();
        assertThat(http.post("/api/v1/plans/" + plan + "/tasks/" + id + "/notes", admin,
                Map.of("status", "DONE", "note", "Đã ban hành hướng dẫn đánh giá cho bốn nhóm đối tượng.")).status())
                .isEqualTo(201);
        JsonNode after = http.get("/api/v1/plans/" + plan + "/tasks/" + id, admin).json();
        assertThat(after.get("task").get("status").asText()).isEqualTo("DONE");
        assertThat(after.get("task").get("overdue").asBoolean()).isFalse();
    }

    @Test
    void progressNotesAndEvidenceAreKeptWithWhoAndWhenAndAudited() {
        String admin = token("province-admin");
        String officer = token("commune-officer");
        String other = token("other-officer");
        long plan = newPlan("Kế hoạch tỉnh — tiến độ");
        JsonNode p = http.get("/api/v1/plans/" + plan, admin).json();
        long classes = task(p, PlanFixtures.WARD_CLASSES).get("id").asLong();
        long launch = task(p, PlanFixtures.LAUNCH).get("id").asLong();
        String base = "/api/v1/plans/" + plan + "/tasks/";

        // the ward leads the classes: it sets their status and reports progress
        assertThat(task(http.get("/api/v1/plans/" + plan, officer).json(), PlanFixtures.WARD_CLASSES)
                .get("canUpdate").asBoolean()).isTrue();
        Http.Response note = http.post(base + classes + "/notes", officer, Map.of("status", "IN_PROGRESS",
                "note", "Đã mở 2 lớp tại Tổ dân phố 1 và 2, 64 học viên."));
        assertThat(note.status()).as(note.body()).isEqualTo(201);
        assertThat(note.json().get("author").asText()).isEqualTo("commune-officer");
        assertThat(note.json().get("createdAt").asText()).isNotBlank();
        // it co-ordinates the launch: it reports, but the lead sets the status
        assertThat(http.post(base + launch + "/notes", officer, Map.of("status", "DONE")).status()).isEqualTo(403);
        assertThat(http.post(base + launch + "/notes", officer, Map.of("note", "Phường đã kết nối điểm cầu.")).status())
                .isEqualTo(201);

        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Http.Response uploaded = http.upload(base + classes + "/evidence", officer, Map.of(), "Biên bản lớp học.pdf", pdf);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        long evidence = uploaded.json().get("id").asLong();
        assertThat(uploaded.json().get("mediaType").asText()).isEqualTo("application/pdf");
        Http.Response refused = http.upload(base + classes + "/evidence", officer, Map.of(), "bao-cao.pdf",
                "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("PDF, ảnh");
        assertThat(http.upload(base + classes + "/evidence", officer, Map.of(), "lon.pdf",
                pad(pdf, 5 * 1024 * 1024 + 1)).status()).isEqualTo(400);

        Http.Response download = http.get(base + classes + "/evidence/" + evidence, admin);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes()).isEqualTo(pdf);
        assertThat(download.header("Content-Type")).startsWith("application/pdf");
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        // the commune that neither leads nor co-ordinates the classes cannot read their evidence
        assertThat(http.get(base + classes + "/evidence/" + evidence, other).status()).isEqualTo(404);
        assertThat(http.upload(base + classes + "/evidence", other, Map.of(), "x.pdf", pdf).status()).isEqualTo(404);

        JsonNode detail = http.get(base + classes, admin).json();
        assertThat(detail.get("task").get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(PlanFixtures.texts(detail.get("notes"), "authorName")).containsExactly("Cán bộ phường Buôn Ma Thuột");
        assertThat(PlanFixtures.texts(detail.get("evidence"), "fileName")).containsExactly("Biên bản lớp học.pdf");

        // the page shows notes and evidence, and takes a note through its form
        Http browser = new Http(port, true);
        browser.formLogin("commune-officer", World.PASSWORD);
        String taskPage = browser.getHtml("/plans/" + plan + "/tasks/" + classes).body();
        assertThat(taskPage).contains("Đã mở 2 lớp", "Biên bản lớp học.pdf", "Cán bộ phường Buôn Ma Thuột");
        String csrf = Http.csrf(taskPage);
        Http.Response posted = browser.postForm("/plans/" + plan + "/tasks/" + classes + "/progress",
                Map.of("_csrf", csrf, "status", "IN_PROGRESS", "note", "Lớp thứ ba khai giảng."));
        assertThat(posted.body()).contains("Đã lưu tiến độ", "Lớp thứ ba khai giảng.");

        List<String> trail = jdbc.sql("""
                SELECT action FROM audit_event WHERE (subject_type = 'plan' AND subject_id = ?)
                OR (subject_type = 'plan_task' AND subject_id IN (?, ?)) ORDER BY id""")
                .params(Long.toString(plan), Long.toString(classes), Long.toString(launch)).query(String.class).list();
        assertThat(trail).containsSubsequence("CREATE", "IMPORT", "STATUS", "NOTE", "NOTE", "EVIDENCE", "NOTE");
        JsonNode audit = http.get("/api/v1/audit?subjectType=plan_task&subjectId=" + classes, admin).json();
        assertThat(PlanFixtures.texts(audit, "actor")).contains("commune-officer");
    }

    private static byte[] pad(byte[] head, int size) {
        byte[] out = new byte[size];
        System.arraycopy(head, 0, out, 0, head.length);
        return out;
    }
}

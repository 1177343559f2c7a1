package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.binhdan.reporting.ScheduledReminders;
import tools.jackson.databind.JsonNode;
import vn.binhdan.reporting.Period;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * Report forms set up by the province: made in the browser and over the API, versioned (a
 * report keeps the version it was started on), with half-years, a due rule per level, and the
 * refusals (a day that does not exist, a period type changed, someone else's form). Each
 * scenario makes its own forms, so they do not depend on each other's order.
 */
public abstract class FormScenarios extends EndToEnd {

    /** A real SMTP server for the reminders, on a free port, shared by the H2 and PostgreSQL runs. */
    static final GreenMail SMTP = startSmtp();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    private static GreenMail startSmtp() {
        try (ServerSocket free = new ServerSocket(0)) {
            GreenMail smtp = new GreenMail(new ServerSetup(free.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            free.close();
            smtp.start();
            return smtp;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    ScheduledReminders scheduled;

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final List<String> SECTIONS = List.of("RESULTS", "DIFFICULTIES");

    static Map<String, Object> form(String code, String name, String periodType, String dueRule, List<String> indicators) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("nameVi", name);
        m.put("periodType", periodType);
        m.put("dueRule", dueRule);
        m.put("reporters", List.of("PROVINCE", "COMMUNE", "WARD"));
        m.put("indicators", indicators);
        m.put("sections", SECTIONS);
        m.put("reminderDays", List.of(7, 1));
        return m;
    }

    private static Http.Response ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r;
    }

    private static void refused(Http.Response r, int status, String inDetail) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains(inDetail);
    }

    @Test
    void aProvinceAdminMakesAYearlyFormDue10DecemberInTheBrowserAndTheWardSeesIt() {
        Http admin = new Http(port, true);
        admin.formLogin("province-admin", World.PASSWORD);
        String page = admin.getHtml("/reports/forms/new").body();
        assertThat(page).contains("Tạo biểu mẫu báo cáo", "Hạn nộp");
        String fields = String.join("&", "_csrf=" + enc(Http.csrf(page)), "code=DL-KQ-NAM",
                "nameVi=" + enc("Báo cáo kết quả năm phong trào (kế hoạch 2026)"), "periodType=YEAR",
                "dueKind=FIXED_DATE", "dueDay=10", "dueMonth=12", "provinceDueKind=", "provinceDueDay=", "provinceDueMonth=",
                "reminderDays=" + enc("7, 1"), "reporters=PROVINCE", "reporters=COMMUNE", "reporters=WARD",
                "indicators=CLASSES_HELD", "indicators=VNEID_CONFIRMED_SHARE", "sections=RESULTS", "sections=PROPOSALS");
        Http.Response created = admin.postRaw("/reports/forms", fields);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.body()).contains("Đã tạo biểu mẫu DL-KQ-NAM", "Phiên bản 1");

        Http officer = new Http(port, true);
        officer.formLogin("commune-officer", World.PASSWORD);
        int year = LocalDate.now(VIETNAM).getYear();
        String list = officer.getHtml("/reports?form=DL-KQ-NAM").body();
        assertThat(list).contains("Báo cáo kết quả năm phong trào (kế hoạch 2026)", "Phường Buôn Ma Thuột",
                "Năm " + year, "10/12/" + year);
        String own = "/reports/DL-KQ-NAM/" + unit("24133") + "/" + year;
        assertThat(list).contains(own);
        Http.Response report = officer.getHtml(own);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("Báo cáo kết quả năm phong trào (kế hoạch 2026)", "Hạn nộp: 10/12/" + year,
                "Gửi báo cáo", "Đề xuất, kiến nghị").doesNotContain("Khó khăn, vướng mắc");
        // a commune officer does not set up forms
        assertThat(officer.getHtml("/reports/forms/new").status()).isEqualTo(403);
    }

    @Test
    void aDayThatDoesNotExistIsRefusedInTheBrowserAndTheApi() {
        String admin = token("province-admin");
        refused(http.post("/api/v1/report-forms", admin, form("DL-SAI-NGAY", "Báo cáo năm", "YEAR", "FIXED_DATE 2-31",
                List.of("CLASSES_HELD"))), 400, "Ngày 31/2 không có trong lịch");
        refused(http.post("/api/v1/report-forms", admin, form("DL-SAI-NGAY", "Báo cáo năm", "YEAR", "FIXED_DATE 4-31",
                List.of("CLASSES_HELD"))), 400, "Ngày 31/4 không có trong lịch");
        refused(http.post("/api/v1/report-forms", admin, form("DL-SAI-NGAY", "Báo cáo năm", "YEAR",
                "QUARTER_MIDDLE_MONTH_DAY 20", List.of("CLASSES_HELD"))), 400, "chỉ dùng cho báo cáo hằng quý");
        refused(http.post("/api/v1/report-forms", admin, form("DL-SAI-NGAY", "", "YEAR", "soon",
                List.of("NO_SUCH"))), 400, "Vui lòng nhập tên biểu mẫu");
        refused(http.post("/api/v1/report-forms", admin, form("dl sai", "Báo cáo", "WEEK", "FIXED_DATE 12-10",
                List.of("CLASSES_HELD"))), 400, "Mã biểu mẫu gồm chữ in hoa");

        Http browser = new Http(port, true);
        browser.formLogin("province-admin", World.PASSWORD);
        String csrf = Http.csrf(browser.getHtml("/reports/forms/new").body());
        Http.Response page = browser.postRaw("/reports/forms", String.join("&", "_csrf=" + enc(csrf), "code=DL-SAI-NGAY",
                "nameVi=" + enc("Báo cáo năm"), "periodType=YEAR", "dueKind=FIXED_DATE", "dueDay=30", "dueMonth=2",
                "reminderDays=", "reporters=WARD", "indicators=CLASSES_HELD"));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("Ngày 30/2 không có trong lịch", "value=\"DL-SAI-NGAY\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_form WHERE code = 'DL-SAI-NGAY'").query(Long.class).single()).isZero();
        // "day 31 of each month" stays the month's last day
        JsonNode monthly = ok(http.post("/api/v1/report-forms", admin, form("DL-THANG", "Báo cáo tháng", "MONTH",
                "LAST_MONTH_DAY 31", List.of("OUTREACH_POSTS")))).json();
        assertThat(monthly.get("dueRule").get("day").asInt()).isEqualTo(31);
        JsonNode feb = ok(http.get("/api/v1/reports/DL-THANG/" + unit("24133") + "/2026M02", admin)).json();
        assertThat(feb.get("dueOn").asText()).isEqualTo("2026-02-28");
    }

    @Test
    void aReportKeepsTheVersionItWasStartedOnWhenTheFormIsEdited() {
        String admin = token("province-admin");
        String officer = token("commune-officer");
        String other = token("other-officer");
        ok(http.post("/api/v1/report-forms", admin, form("DL-QUY-PB", "Báo cáo quý (bản thử)", "QUARTER",
                "QUARTER_LAST_MONTH_DAY 15", List.of("CLASSES_HELD", "GUIDANCE_SESSIONS"))));
        String quarter = Period.containing(Period.Type.QUARTER, LocalDate.now(VIETNAM)).id();
        String ward = "/api/v1/reports/DL-QUY-PB/" + unit("24133") + "/" + quarter;
        JsonNode draft = ok(http.put(ward, officer, World.map("figures", List.of(), "texts",
                Map.of("RESULTS", "Đã mở 2 lớp.")))).json();
        assertThat(draft.get("items")).hasSize(2);

        Map<String, Object> v2 = form("DL-QUY-PB", "Báo cáo quý (bản sửa)", "QUARTER", "QUARTER_LAST_MONTH_DAY 10",
                List.of("CLASSES_HELD", "GUIDANCE_SESSIONS", "OUTREACH_POSTS"));
        JsonNode edited = ok(http.put("/api/v1/report-forms/DL-QUY-PB", admin, v2)).json();
        assertThat(edited.get("version").asInt()).isEqualTo(2);

        // the ward's open draft keeps version 1: its indicators, its name, its due date
        JsonNode kept = ok(http.get(ward, officer)).json();
        assertThat(kept.get("items")).hasSize(2);
        assertThat(kept.get("formName").asText()).isEqualTo("Báo cáo quý (bản thử)");
        assertThat(kept.get("dueOn").asText()).endsWith("-15");
        JsonNode submitted = ok(http.post(ward + "/submit", officer, null)).json();
        assertThat(submitted.get("items")).hasSize(2);
        assertThat(submitted.get("texts").toString()).contains("Đã mở 2 lớp.");
        // a report started after the edit is on version 2
        JsonNode fresh = ok(http.get("/api/v1/reports/DL-QUY-PB/" + unit("24175") + "/" + quarter, other)).json();
        assertThat(fresh.get("items")).hasSize(3);
        assertThat(fresh.get("dueOn").asText()).endsWith("-10");
        assertThat(jdbc.sql("SELECT form_version FROM report_submission WHERE form_code = 'DL-QUY-PB'")
                .query(Integer.class).list()).containsExactly(1);

        JsonNode detail = ok(http.get("/api/v1/report-forms/DL-QUY-PB", admin)).json();
        assertThat(detail.get("versions")).hasSize(2);
        // a quarterly form stays quarterly: its quarters' reports would have nowhere to go
        refused(http.put("/api/v1/report-forms/DL-QUY-PB", admin, form("DL-QUY-PB", "Báo cáo năm", "YEAR",
                "FIXED_DATE 12-10", List.of("CLASSES_HELD"))), 400, "Không đổi được loại kỳ");
        // nobody outside the province edits it, nor does a commune officer
        assertThat(http.put("/api/v1/report-forms/DL-QUY-PB", token("lamdong-admin"), v2).status()).isEqualTo(403);
        assertThat(http.put("/api/v1/report-forms/DL-QUY-PB", officer, v2).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/report-forms", officer, form("DL-XA", "Báo cáo", "YEAR", "FIXED_DATE 12-10",
                List.of("CLASSES_HELD"))).status()).isEqualTo(403);
        // nor does Lâm Đồng see it among its forms
        assertThat(ok(http.get("/api/v1/reports/forms", token("lamdong-admin"))).body()).doesNotContain("DL-QUY-PB");
        assertThat(ok(http.get("/api/v1/reports/forms", officer)).body()).contains("DL-QUY-PB");
    }

    @Test
    void eachLevelHasItsOwnDueDateAndHalfYearsAreReported() {
        String admin = token("province-admin");
        Map<String, Object> twoSteps = form("KH-QUY-2B", "Báo cáo quý hai bước", "QUARTER", "QUARTER_LAST_MONTH_DAY 15",
                List.of("CLASSES_HELD"));
        twoSteps.put("levelDueRules", Map.of("PROVINCE", "QUARTER_LAST_MONTH_DAY 30"));
        ok(http.post("/api/v1/report-forms", admin, twoSteps));
        assertThat(ok(http.get("/api/v1/reports/KH-QUY-2B/" + unit("24133") + "/2026Q3", admin)).json()
                .get("dueOn").asText()).isEqualTo("2026-09-15");
        assertThat(ok(http.get("/api/v1/reports/KH-QUY-2B/" + unit("66") + "/2026Q3", admin)).json()
                .get("dueOn").asText()).isEqualTo("2026-09-30");
        JsonNode completeness = ok(http.get("/api/v1/reports/KH-QUY-2B/" + unit("66") + "/2026Q3/completeness", admin)).json();
        assertThat(completeness.get("dueOn").asText()).as("the communes' date").isEqualTo("2026-09-15");
        Map<String, Object> wrongLevel = form("KH-QUY-SAI", "Báo cáo", "QUARTER", "QUARTER_LAST_MONTH_DAY 15",
                List.of("CLASSES_HELD"));
        wrongLevel.put("levelDueRules", Map.of("SCHOOL", "QUARTER_LAST_MONTH_DAY 30"));
        refused(http.post("/api/v1/report-forms", admin, wrongLevel), 400, "không lập biểu mẫu");

        ok(http.post("/api/v1/report-forms", admin, form("DL-6T", "Báo cáo 6 tháng", "HALF_YEAR", "LAST_MONTH_DAY 20",
                List.of("CLASSES_HELD"))));
        JsonNode h1 = ok(http.get("/api/v1/reports/DL-6T/" + unit("24133") + "/2026h1", admin)).json();
        assertThat(h1.get("period").get("id").asText()).isEqualTo("2026H1");
        assertThat(h1.get("dueOn").asText()).isEqualTo("2026-06-20");
        refused(http.get("/api/v1/reports/DL-6T/" + unit("24133") + "/2026H3", admin), 400, "2026H1");
        refused(http.get("/api/v1/reports/DL-6T/" + unit("24133") + "/2026Q2", admin), 400, "theo nửa năm");
        Http browser = new Http(port, true);
        browser.formLogin("commune-officer", World.PASSWORD);
        assertThat(browser.getHtml("/reports?form=DL-6T&period=2026H1").body()).contains("6 tháng đầu năm 2026");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theFivePlansFormsShipAsDataEachForItsOwnProvince() {
        String admin = token("province-admin");
        String forms = ok(http.get("/api/v1/reports/forms", admin)).body();
        assertThat(forms).contains("BDHVS-QUY", "DAKLAK-2026-NAM")
                .doesNotContain("KHANHHOA-QUY", "THAINGUYEN-QUY", "TRAVINH-NAM", "QUYNHSON-QUY");
        assertThat(ok(http.get("/api/v1/reports/forms", token("lamdong-admin"))).body()).doesNotContain("DAKLAK-2026-NAM");
        JsonNode ward = ok(http.get("/api/v1/reports/DAKLAK-2026-NAM/" + unit("24133") + "/2026", token("commune-officer"))).json();
        assertThat(ward.get("dueOn").asText()).isEqualTo("2026-12-10");
        assertThat(ward.get("items")).hasSize(10);
        // Lâm Đồng's units do not file Đắk Lắk's form
        refused(http.get("/api/v1/reports/DAKLAK-2026-NAM/" + unit("68") + "/2026", token("lamdong-admin")), 400,
                "không thuộc diện lập báo cáo");
        Map<String, String> rules = new LinkedHashMap<>();
        jdbc.sql("SELECT code, due_rule FROM report_form ORDER BY code").query((rs, i) -> rules.put(rs.getString(1),
                rs.getString(2))).list();
        assertThat(rules).containsEntry("DAKLAK-2026-NAM", "FIXED_DATE 12-10")
                .containsEntry("KHANHHOA-QUY", "QUARTER_LAST_MONTH_DAY 15")
                .containsEntry("QUYNHSON-QUY", "QUARTER_LAST_MONTH_DAY 15")
                .containsEntry("THAINGUYEN-QUY", "QUARTER_MIDDLE_MONTH_DAY 20")
                .containsEntry("TRAVINH-NAM", "FIXED_DATE 10-15");
        assertThat(jdbc.sql("SELECT due_rule FROM report_form_level_due WHERE form_code = 'KHANHHOA-QUY' AND unit_type = 'PROVINCE'")
                .query(String.class).single()).as("the Department to the People's Committee").isEqualTo("QUARTER_LAST_MONTH_DAY 30");
    }

    /** Mails received for one address, so that the H2 and PostgreSQL runs never see each other's. */
    static List<MimeMessage> mailTo(String address, String inSubject) throws Exception {
        List<MimeMessage> out = new java.util.ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))
                    && m.getSubject().contains(inSubject)) {
                out.add(m);
            }
        }
        return out;
    }

    static JsonNode reminderOf(JsonNode log, String unitName) {
        for (JsonNode r : log) {
            if (r.get("unitName").asText().equals(unitName)) {
                return r;
            }
        }
        throw new AssertionError("no reminder of " + unitName + " in " + log);
    }

    @Test
    void remindersReachTheWardByEmailAndAUnitWithoutContactIsListedNotLost() throws Exception {
        String admin = token("province-admin");
        String officer = token("commune-officer");
        long ward = unit("24133");
        String address = "vhxh-" + UUID.randomUUID().toString().substring(0, 8) + "@bmt.daklak.gov.vn";
        String contact = "/api/v1/reports/contacts/" + ward;
        refused(http.put(contact, officer, World.map("email", "khong-phai-thu", "phone", "12345")), 400,
                "Địa chỉ thư điện tử chưa đúng");
        JsonNode saved = ok(http.put(contact, officer, World.map("person", "Trần Thị Lan", "email", address,
                "phone", "+84 912 345 678"))).json();
        assertThat(saved.get("phone").asText()).isEqualTo("0912345678");
        assertThat(http.put("/api/v1/reports/contacts/" + ward, token("other-officer"), World.map("email", address))
                .status()).isEqualTo(403);

        // Hòa Phú keeps no contact (another scenario may have given it one)
        ok(http.put("/api/v1/reports/contacts/" + unit("24175"), admin, World.map("email", " ", "phone", "")));
        ok(http.post("/api/v1/report-forms", admin, form("DL-NHAC", "Báo cáo quý nhắc hạn", "QUARTER",
                "QUARTER_LAST_MONTH_DAY 15", List.of("CLASSES_HELD"))));
        String quarter = Period.containing(Period.Type.QUARTER, LocalDate.now(VIETNAM)).id();
        String province = "/api/v1/reports/DL-NHAC/" + unit("66") + "/" + quarter;
        ok(http.post(province + "/reminders", admin, null));

        List<MimeMessage> mails = mailTo(address, "");
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).contains("Nhắc nộp báo cáo", "Báo cáo quý nhắc hạn");
        assertThat(GreenMailUtil.getBody(mails.getFirst()).replace("=\r\n", "").replace("=\n", ""))
                .contains("/reports/DL-NHAC/" + ward + "/" + quarter);
        JsonNode log = ok(http.get(province + "/reminders", admin)).json();
        JsonNode toWard = reminderOf(log, "Phường Buôn Ma Thuột");
        assertThat(toWard.get("sentBy").asText()).isEqualTo("province-admin");
        assertThat(toWard.get("deliveries").toString()).contains("\"channel\":\"EMAIL\"", "\"outcome\":\"SENT\"",
                "\"channel\":\"SMS\"", "\"outcome\":\"NOT_SENT\"", "no SMS gateway configured");
        JsonNode toHoaPhu = reminderOf(log, "Xã Hòa Phú");
        assertThat(toHoaPhu.get("deliveries")).hasSize(1);
        assertThat(toHoaPhu.get("deliveries").get(0).get("outcome").asText()).isEqualTo("NO_CONTACT");
        // the ward sees the reminder on its report; the province sees every outcome on the completeness page
        assertThat(ok(http.get("/api/v1/reports/DL-NHAC/" + ward + "/" + quarter, officer)).json().get("reminders"))
                .hasSize(1);
        Http browser = new Http(port, true);
        browser.formLogin("province-admin", World.PASSWORD);
        assertThat(browser.getHtml("/reports/DL-NHAC/" + unit("66") + "/" + quarter + "/completeness").body())
                .contains("Nhắc hạn đã gửi", "Đã gửi", address, "Không có liên hệ", "Chưa gửi");
        assertThat(http.get(province + "/reminders", officer).status()).isEqualTo(403);
    }

    @Test
    void theDailyJobRemindsOnceNDaysBeforeTheDueDateHoweverManyRunIt() throws Exception {
        String admin = token("province-admin");
        String address = "ubnd-" + UUID.randomUUID().toString().substring(0, 8) + "@hoaphu.daklak.gov.vn";
        ok(http.put("/api/v1/reports/contacts/" + unit("24175"), admin, World.map("email", address)));
        Map<String, Object> yearly = form("DL-NHAC-NAM", "Báo cáo năm nhắc hạn", "YEAR", "FIXED_DATE 12-10",
                List.of("CLASSES_HELD"));
        yearly.put("reporters", List.of("COMMUNE", "WARD"));
        ok(http.post("/api/v1/report-forms", admin, yearly));

        // two instances run the job at the same moment: each unit is reminded once
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> run = () -> scheduled.run(LocalDate.of(2026, 12, 3));
            for (Future<Integer> f : two.invokeAll(List.of(run, run))) {
                f.get();
            }
        } finally {
            two.shutdown();
        }
        String log = "/api/v1/reports/DL-NHAC-NAM/" + unit("66") + "/2026/reminders";
        assertThat(ok(http.get(log, admin)).json()).as("the ward and Hòa Phú, 7 days before").hasSize(2);
        // the shipped Đắk Lắk form is due 10/12 too: its units were reminded on the same run
        assertThat(scheduled.run(LocalDate.of(2026, 12, 3))).as("a second run the same day").isZero();
        assertThat(scheduled.run(LocalDate.of(2026, 12, 4))).as("not a reminder day").isZero();
        assertThat(ok(http.get(log, admin)).json()).hasSize(2);
        assertThat(mailTo(address, "Báo cáo năm nhắc hạn")).hasSize(1);
        assertThat(mailTo(address, "Báo cáo năm nhắc hạn").getFirst().getSubject()).contains("10/12/2026");

        // a unit that has handed in is not reminded the day before
        String ward = "/api/v1/reports/DL-NHAC-NAM/" + unit("24133") + "/2026";
        ok(http.post(ward + "/submit", token("commune-officer"), null));
        scheduled.run(LocalDate.of(2026, 12, 9));
        assertThat(mailTo(address, "Báo cáo năm nhắc hạn")).hasSize(2);
        JsonNode sent = ok(http.get(log, admin)).json();
        assertThat(sent.valueStream().map(r -> r.get("unitCode").asText() + "/" + r.get("daysBefore").asInt()).toList())
                .as("Hòa Phú only, 1 day before").containsExactlyInAnyOrder("24175/1", "24175/7", "24133/7");
        assertThat(sent.valueStream().map(r -> r.get("sentBy").asText()).distinct().toList()).containsExactly("system");
    }
}

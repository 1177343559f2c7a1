package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.binhdan.support.InBrowser;
import vn.binhdan.support.World;

/**
 * A real browser on a 360-px phone screen: a newcomer signs in, browses to a village and finds
 * a person, and every page on the way has no WCAG 2.1 A/AA violation axe can detect and no
 * sideways scrolling; a learner studies a lesson on the phone, leaves, and comes back to
 * continue at the right lesson.
 */
class BrowserAccessibilityTest extends InBrowser {

    @Test
    void aNewcomerOnAPhoneSignsInBrowsesToAVillageAndFindsAPerson() {
        try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                .setLocale("vi-VN"))) {
            Page page = ctx.newPage();
            String base = "http://localhost:" + port;
            page.navigate(base + "/login");
            check(page);
            page.getByLabel("Tên đăng nhập").fill("province-admin");
            page.getByLabel("Mật khẩu").fill(World.PASSWORD);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Đăng nhập")).click();
            assertThat(page.locator("h1").textContent()).startsWith("Xin chào");
            check(page);

            menu(page, "Đơn vị");
            assertThat(page.locator("h1").textContent()).isEqualTo("Tỉnh Đắk Lắk");
            check(page);
            page.getByText("Phường Buôn Ma Thuột").first().click();
            page.getByText("Tổ dân phố 1").first().click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Tổ dân phố 1");
            check(page);

            page.navigate(base + "/persons");
            page.getByLabel("Họ tên (gõ có dấu hoặc không dấu)").fill("nguyen van an");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Tìm")).click();
            check(page);
            page.getByText("Nguyễn Văn An").first().click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Nguyễn Văn An");
            check(page);

            page.navigate(base + "/imports");
            check(page);
            page.navigate(base + "/audit");
            check(page);
            page.navigate(base + "/author/questions?competency=4.2");
            check(page);
            page.navigate(base + "/author/questions/new");
            check(page);
            // the authors' unanswered questions, with at least one group to show
            http.post("/api/v1/assistant/ask", token("learner"), World.map("question", "cách trồng lan hồ điệp trong chậu"));
            page.navigate(base + "/author/unanswered");
            assertThat(page.locator("ol.unanswered > li").count()).isPositive();
            check(page);
            page.navigate(base + "/exam/integrity");
            check(page);
            page.navigate(base + "/confirmations");
            check(page);
            page.navigate(base + "/verify");
            check(page);
            page.navigate(base + "/dashboard");
            assertThat(page.locator("h1").textContent()).contains("Tỉnh Đắk Lắk");
            check(page);
            page.navigate(base + "/dashboard/" + unit("24133") + "/certified?group=ADULT");
            check(page);

            // plans: the list, a plan with its sections and an overdue task, the import form, a task
            long plan = PlanFixtures.provincePlan(http, token("province-admin"), unit("66"), "Kế hoạch kiểm tra trợ năng");
            menu(page, "Kế hoạch");
            assertThat(page.locator("h1").textContent()).isEqualTo("Kế hoạch và nhiệm vụ");
            check(page);
            page.getByText("Kế hoạch kiểm tra trợ năng").first().click();
            assertThat(page.locator("tr.overdue").count()).isPositive();
            check(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(PlanFixtures.WARD_CLASSES)).click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Nhiệm vụ 5");
            check(page);
            page.navigate(base + "/plans/" + plan + "/import");
            check(page);
        }
    }

    @Test
    void aLearnerOnAPhoneStudiesALessonLeavesAndContinuesWhereTheyLeftOff() {
        // a villager of another commune than the one whose adults the learning scenarios enrol
        long hen = person("H'Hen Niê");
        LearningScenarios.ensureAccount(accounts, "hen", hen, unit("24175.01"));
        String course = LearningScenarios.STARTER;
        List<String> lessons = jdbc.sql("""
                SELECT l.code FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.code = ? ORDER BY l.position""")
                .param(course).query(String.class).list();
        String secondTitle = jdbc.sql("""
                SELECT l.title FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.code = ? AND l.code = ?""")
                .params(course, lessons.get(1)).query(String.class).single();
        secondTitle = tools.jackson.databind.json.JsonMapper.builder().build().readTree(secondTitle).get("vi").asString();
        String checks = jdbc.sql("""
                SELECT l.checks FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.code = ? AND l.code = ?""")
                .params(course, lessons.getFirst()).query(String.class).single();
        var questions = tools.jackson.databind.json.JsonMapper.builder().build().readTree(checks);
        String base = "http://localhost:" + port;

        try (BrowserContext ctx = phone()) {
            Page page = ctx.newPage();
            signIn(page, "hen");
            menu(page, "Học tập");
            assertThat(page.locator("h1").textContent()).isEqualTo("Học tập");
            check(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kỹ năng số cơ bản cho người dân")).click();
            check(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng ký học")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bắt đầu học")).click();
            assertThat(page.url()).endsWith("/learn/" + course + "/" + lessons.getFirst());
            check(page);
            // reading: the whole lesson is in the page, the reader scrolls to the checks at the end
            page.locator("#checks").scrollIntoViewIfNeeded();
            for (int q = 0; q < questions.size(); q++) {
                for (var right : questions.get(q).get("correct")) {
                    page.locator("#q" + q + "-" + right.asInt()).check();
                }
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nộp câu trả lời")).click();
            assertThat(page.locator("#checks").textContent()).contains("Bạn đã hoàn thành bài học này.");
            check(page);
        }

        try (BrowserContext ctx = phone()) {
            Page page = ctx.newPage();
            signIn(page, "hen");
            page.navigate(base + "/learn");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Học tiếp: " + secondTitle)).click();
            assertThat(page.url()).endsWith("/learn/" + course + "/" + lessons.get(1));
            assertThat(page.locator("h1").textContent()).isEqualTo(secondTitle);
            // a button's spoken name starts with what it shows (WCAG 2.5.3): "A+", then what it does
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("A+ Cỡ chữ lớn").setExact(true))
                    .count()).isEqualTo(1);
            page.navigate(base + "/learn/progress");
            assertThat(page.locator("main").textContent()).contains("1/" + lessons.size());
            check(page);
        }
    }

    /** The assistant on a phone: the header's search box, the results page and the chat page with its answer. */
    @Test
    void aLearnerOnAPhoneSearchesAndAsksTheAssistant() {
        try (BrowserContext ctx = phone()) {
            Page page = ctx.newPage();
            signIn(page, "learner");
            // the home page a learner lands on: their next lesson and the assistant one question away
            assertThat(page.locator("main").textContent()).contains("Lộ trình học của tôi", "Hỏi trợ lý ảo");
            check(page);
            // the header keeps the content in view: the search box is one tap behind its icon
            assertThat(page.locator("main").boundingBox().y).isLessThan(740 * 0.2);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tìm bài học").setExact(true)).click();
            page.getByLabel("Gõ điều bạn muốn tìm", new Page.GetByLabelOptions()).fill("lam sao cai vneid");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm").setExact(true)).click();
            assertThat(page.locator("mark").count()).isPositive();
            check(page);
            menu(page, "Trợ lý ảo");
            assertThat(page.locator("h1").textContent()).isEqualTo("Trợ lý ảo");
            check(page);
            page.getByLabel("Câu hỏi của bạn (có dấu hoặc không dấu)").fill("cach nhan biet tin nhan lua dao");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hỏi").setExact(true)).click();
            assertThat(page.locator("main").textContent()).contains("Nhận diện lừa đảo");
            check(page);
        }
    }

    /**
     * A learner on a phone takes the placement check from the learning page and reads the path
     * it gives; the ward officer reads the ward's weakest competencies.
     */
    @Test
    void aLearnerTakesThePlacementCheckOnAPhoneAndTheOfficerSeesTheWardsCompetencies() {
        if (jdbc.sql("SELECT COUNT(*) FROM person WHERE full_name = 'Đinh Văn Lộ Phố'").query(Long.class).single() == 0) {
            vn.binhdan.shared.SystemUser.run(vn.binhdan.shared.SystemUser.SYSTEM, () -> World.expectDone(
                    imports.runNow("PERSON", "path-browser.csv", World.fixture("path-browser.csv"), null)));
        }
        LearningScenarios.ensureAccount(accounts, "lo-pho", person("Đinh Văn Lộ Phố"), unit("24133.02"));
        String base = "http://localhost:" + port;
        try (BrowserContext ctx = phone()) {
            Page page = ctx.newPage();
            signIn(page, "lo-pho");
            page.navigate(base + "/learn");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lộ trình học của tôi: bỏ qua những bài đã biết"))
                    .click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Lộ trình học của tôi");
            check(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bắt đầu kiểm tra xếp lớp")).click();
            assertThat(page.url()).contains("/learn/placement/");
            check(page);
            for (int i = 0; i < 30 && page.locator("input[name=question]").count() > 0; i++) {
                var selects = page.locator("fieldset select");
                if (selects.count() > 0) {
                    for (int k = 0; k < selects.count(); k++) {
                        selects.nth(k).selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(k + 1));
                    }
                } else {
                    page.locator("fieldset input").first().check();
                }
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trả lời và sang câu tiếp")).click();
            }
            assertThat(page.locator("main").textContent()).contains("Xong bài kiểm tra");
            check(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Xem lộ trình học của tôi")).click();
            assertThat(page.locator("main").textContent()).contains("Mức thành thạo theo năng lực");
            check(page);
        }
        try (BrowserContext ctx = phone()) {
            Page page = ctx.newPage();
            signIn(page, "commune-officer");
            page.navigate(base + "/units/" + unit("24133") + "/competencies");
            assertThat(page.locator("main").textContent()).contains("Mức thành thạo trung bình");
            check(page);
        }
    }

    /**
     * The "done when": a learner takes the citizens' exam on a phone, passes, downloads the
     * PDF, the QR code on it opens the public verification page, which says valid; an administrator
     * revokes the certificate there and the page says revoked.
     */
    @Test
    void aLearnerPassesTheExamAndTheCertificatesQrCodeOpensItsVerification() throws Exception {
        long hoa = person("Nguyễn Thị Hoa");
        LearningScenarios.ensureAccount(accounts, "hoa", hoa, unit("24133.01"));
        var bank = new java.util.HashMap<String, tools.jackson.databind.JsonNode>();
        for (var q : http.get("/api/v1/questions?group=ADULT", token("province-admin")).json()) {
            bank.put(q.get("prompt").asText(), q);
        }
        String base = "http://localhost:" + port;
        String verifyPath;
        try (BrowserContext ctx = phone()) {
            Page page = ctx.newPage();
            page.onDialog(com.microsoft.playwright.Dialog::accept);
            signIn(page, "hoa");
            menu(page, "Thi");
            check(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bắt đầu làm bài")).click();
            assertThat(page.url()).contains("/exam/attempt/");
            check(page);
            var questions = page.locator("fieldset.question");
            int count = questions.count();
            var counter = page.locator("#answered-count");
            // one question per screen: answer, see the count move, go on; the last one is left out
            for (int i = 0; i < count - 1; i++) {
                var fieldset = questions.nth(i);
                assertThat(fieldset.isVisible()).isTrue();
                assertThat(questions.nth(i + 1).isVisible()).isFalse();
                answerRightly(fieldset, bank);
                String answered = "đã trả lời " + (i + 1) + "/" + count;
                page.waitForCondition(() -> counter.textContent().contains(answered));
                fieldset.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                        .setName("Câu sau ›")).click();
            }
            check(page);
            // submitting with a question unanswered: the confirmation names it and leads back to it
            page.locator("form#exam").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("Nộp bài").setExact(true)).click();
            var dialog = page.locator("dialog#confirm-submit");
            assertThat(dialog.isVisible()).isTrue();
            assertThat(dialog.locator(".unanswered-list a").allTextContents()).containsExactly("Câu " + count + ".");
            dialog.locator(".unanswered-list a").click();
            assertThat(dialog.isVisible()).isFalse();
            answerRightly(questions.nth(count - 1), bank);
            page.waitForCondition(() -> counter.textContent().contains("đã trả lời " + count + "/" + count));
            // every answer was saved as it was given: a reload (a dropped connection) keeps them
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            page.reload();
            assertThat(page.locator("main").textContent()).contains("đã trả lời " + count + "/" + count);
            assertThat(page.locator(".q-nav a.done").count()).isEqualTo(count);
            page.locator("form#exam").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("Nộp bài").setExact(true)).click();
            assertThat(dialog.textContent()).contains("Bạn đã trả lời tất cả các câu.");
            dialog.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("Nộp bài").setExact(true)).click();
            assertThat(page.locator("main").textContent()).contains("Chúc mừng").contains("100%");
            check(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Xem và tải giấy chứng nhận")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kỹ năng số cơ bản dành cho người dân")).click();
            check(page);
            String pdfHref = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("Tải giấy chứng nhận (PDF)")).getAttribute("href");
            byte[] pdf = ctx.request().get(base + pdfHref).body();
            String scanned = scanQr(pdf);
            assertThat(scanned).matches("https?://[^/]+/verify/[0-9a-f-]{36}");
            verifyPath = java.net.URI.create(scanned).getPath();
        }
        try (BrowserContext stranger = phone()) {
            Page page = stranger.newPage();
            page.navigate(base + verifyPath);
            assertThat(page.locator("#verdict").getAttribute("data-status")).isEqualTo("VALID");
            assertThat(page.locator("#verdict").textContent()).contains("Hợp lệ");
            assertThat(page.locator("main").textContent()).contains("Nguyễn T. H.").doesNotContain("Nguyễn Thị Hoa");
            check(page);
        }
        try (BrowserContext admin = phone()) {
            Page page = admin.newPage();
            signIn(page, "province-admin");
            page.navigate(base + verifyPath);
            page.getByLabel("Lý do thu hồi").fill("Kiểm tra quy trình thu hồi");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thu hồi giấy chứng nhận")).click();
            assertThat(page.locator("#verdict").getAttribute("data-status")).isEqualTo("REVOKED");
        }
        try (BrowserContext stranger = phone()) {
            Page page = stranger.newPage();
            page.navigate(base + verifyPath);
            assertThat(page.locator("#verdict").textContent()).contains("Đã bị thu hồi");
            assertThat(page.locator("main").textContent()).contains("Kiểm tra quy trình thu hồi");
        }
    }

    /**
     * A ward officer writes the quarterly report on a phone: a refused figure is announced and
     * linked to its field, the corrected report is submitted; the province finds it in its queue,
     * then reads who has reported and the consolidated figures. Every page passes axe.
     */
    @Test
    void aWardOfficerSubmitsTheQuarterlyReportOnAPhoneAndTheProvinceReadsIt() {
        String base = "http://localhost:" + port;
        String period = "2024Q3";
        String report = base + "/reports/" + ReportingScenarios.FORM + "/" + unit("24133") + "/" + period;
        try (BrowserContext ctx = phone()) {
            Page page = ctx.newPage();
            signIn(page, "commune-officer");
            menu(page, "Báo cáo");
            assertThat(page.locator("h1").textContent()).isEqualTo("Báo cáo định kỳ");
            check(page);
            page.navigate(report);
            assertThat(page.locator("main").textContent()).contains("tự động", "khai báo");
            check(page);
            page.locator("#n-VNEID_CONFIRMED_SHARE-ADULT").fill("-3");
            page.locator("#d-VNEID_CONFIRMED_SHARE-ADULT").fill("300");
            page.getByLabel("Khó khăn, vướng mắc").fill("Thiếu thiết bị cho lớp học.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu nháp")).click();
            assertThat(page.locator("#problems").textContent()).contains("số âm");
            assertThat(page.locator("#n-VNEID_CONFIRMED_SHARE-ADULT").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.getByLabel("Khó khăn, vướng mắc").inputValue()).isEqualTo("Thiếu thiết bị cho lớp học.");
            check(page);
            page.locator("#n-VNEID_CONFIRMED_SHARE-ADULT").fill("150");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi báo cáo")).click();
            // a total far from the registry's is a warning to explain before the report goes up
            assertThat(page.locator("#problems").textContent()).contains("Cần giải trình");
            check(page);
            page.getByLabel("Giải trình").fill("Số liệu theo thống kê của phường.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi báo cáo")).click();
            assertThat(page.locator("main").textContent()).contains("Đã gửi báo cáo lên cấp trên.", "50,0 %");
            check(page);
        }
        try (BrowserContext ctx = phone()) {
            Page page = ctx.newPage();
            signIn(page, "province-admin");
            page.navigate(base + "/reports/queue");
            check(page);
            page.navigate(report);
            assertThat(page.locator("main").textContent()).contains("Phê duyệt");
            check(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Phê duyệt")).click();
            assertThat(page.locator("main").textContent()).contains("Đã phê duyệt báo cáo.");
            String province = base + "/reports/" + ReportingScenarios.FORM + "/" + unit("66") + "/" + period;
            page.navigate(province);
            check(page);
            page.navigate(province + "/completeness");
            assertThat(page.locator("main").textContent()).contains("Xã Hòa Phú", "Phường Buôn Ma Thuột");
            check(page);
            page.navigate(province + "/consolidated");
            assertThat(page.locator("main").textContent()).contains("Thiếu thiết bị cho lớp học.");
            check(page);
            page.navigate(province + "/validation");
            assertThat(page.locator("main").textContent()).contains("Kiểm tra số liệu toàn địa bàn", "Phường Buôn Ma Thuột");
            check(page);
            page.navigate(base + "/reports/rules");
            assertThat(page.locator("main").textContent()).contains("NUMERATOR_NOT_ABOVE_DENOMINATOR");
            check(page);
        }
    }

    /**
     * A ward officer on a phone opens a class, shows the session's QR code and ticks a learner found
     * by name; records outreach and reads the month against its target; the events page; a learner's
     * own code. Every page passes axe and fits the screen.
     */
    @Test
    void aWardOfficerRunsAClassAndOutreachOnAPhone() {
        String base = "http://localhost:" + port;
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        try (BrowserContext ctx = phone()) {
            Page page = ctx.newPage();
            signIn(page, "commune-officer");
            menu(page, "Cộng đồng số");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lớp học").setExact(true)).click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Lớp học Bình dân học vụ số");
            check(page);
            page.getByLabel("Tên lớp").fill("Lớp kiểm tra trợ năng");
            page.getByLabel("Ngày").fill(today);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mở lớp học")).click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Lớp kiểm tra trợ năng");
            check(page);
            page.locator("table a").first().click();
            assertThat(page.locator(".qr svg").count()).isEqualTo(1);
            check(page);
            page.getByLabel("Họ tên (gõ có dấu hoặc không dấu)").fill("nguyen thi hoa");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Điểm danh Nguyễn Thị Hoa có mặt")).click();
            assertThat(page.locator("main").textContent()).contains("Đã điểm danh Nguyễn Thị Hoa");
            check(page);

            page.navigate(base + "/outreach");
            check(page);
            page.getByLabel("Tiêu đề").fill("Bài viết kiểm tra trợ năng");
            page.getByLabel("Ngày thực hiện").fill(today);
            page.getByLabel("Đường dẫn").fill("https://buonmathuot.daklak.gov.vn/tin/tro-nang");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ghi hoạt động")).click();
            assertThat(page.locator("main").textContent()).contains("Bài viết kiểm tra trợ năng");
            check(page);
            page.navigate(base + "/events");
            check(page);
        }
        try (BrowserContext ctx = phone()) {
            Page page = ctx.newPage();
            signIn(page, "learner");
            menu(page, "Mã điểm danh");
            assertThat(page.locator(".qr svg").count()).isEqualTo(1);
            check(page);
        }
    }

    private static String scanQr(byte[] pdf) throws Exception {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var image = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 150);
            var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                    new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image)));
            return new com.google.zxing.MultiFormatReader().decode(bitmap).getText();
        }
    }

    @Test
    void aWardOfficerOnAPhoneReadsTheCascadeFamiliesMarketAndNominations() {
        CascadeScenarios.people(imports, jdbc);
        String admin = token("province-admin");
        long guide = person("Quàng Văn Mười");
        long learner = person("Quàng Thị Hoa");
        // the link may already be there from an earlier run on this database
        http.post("/api/v1/ambassadors/links", admin, World.map("guideId", guide, "learnerId", learner));
        long market = http.post("/api/v1/markets", admin, World.map("unitId", unit("24133"), "name", "Chợ kiểm tra trợ năng"))
                .json().get("id").asLong();
        long trader = http.post("/api/v1/markets/" + market + "/traders", admin, World.map("name", "Cô Ba", "stall", "Sạp 1"))
                .json().get("id").asLong();
        http.put("/api/v1/markets/" + market + "/traders/" + trader + "/criteria", admin, World.map("met", List.of("CASHLESS")));
        long nomination = http.post("/api/v1/recognition/nominations", admin, World.map("kind", "CITIZEN", "personId", learner,
                "evidenceText", "Hướng dẫn hàng xóm dùng VNeID", "links", List.of("https://example.org/bai-viet"),
                "criteria", List.of("VNEID"))).json().get("id").asLong();
        try (BrowserContext ctx = phone()) {
            Page page = ctx.newPage();
            String base = "http://localhost:" + port;
            page.navigate(base + "/recognised");
            check(page);
            assertThat(page.locator(".scroll:not([tabindex])").count()).as("a table that scrolls is reachable by keyboard")
                    .isZero();
            signIn(page, "commune-officer");
            menu(page, "Cộng đồng số");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Đại sứ số").setExact(true)).first().click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Đại sứ số");
            check(page);
            page.navigate(base + "/ambassadors/" + guide);
            assertThat(page.locator(".cascade-tree li").count()).isGreaterThanOrEqualTo(2);
            check(page);
            page.navigate(base + "/families?unitId=" + unit("24133"));
            check(page);
            assertThat(page.locator(".scroll:not([tabindex])").count()).isZero();
            page.navigate(base + "/markets/" + market);
            check(page);
            page.navigate(base + "/recognition");
            check(page);
            page.navigate(base + "/recognition/" + nomination);
            check(page);
        }
    }

    private BrowserContext phone() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setLocale("vi-VN"));
    }

    private void signIn(Page page, String username) {
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(World.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
    }

    static void check(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        assertThat(results.getViolations()).as(page.url() + " " + results.getViolations().stream()
                .map(v -> v.getId() + ": " + v.getHelp()).toList()).isEmpty();
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        if (((Number) overflow).intValue() > 0) {
            // name what sticks out, so a failure says where to look
            Object wide = page.evaluate("""
                    () => [...document.querySelectorAll('main *, header *')]
                      .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5).slice(0, 5)
                      .map(e => e.tagName.toLowerCase() + (e.getAttribute('class') ? '.' + e.getAttribute('class') : '') + ' ('
                        + Math.round(e.getBoundingClientRect().right) + ' px)').join(', ')""");
            assertThat(((Number) overflow).intValue()).as(page.url() + " scrolls sideways on a 360-px screen: " + wide)
                    .isLessThanOrEqualTo(0);
        }
    }

    /** Gives the bank's right answer to the question a fieldset shows, as a person taps it. */
    private static void answerRightly(com.microsoft.playwright.Locator fieldset,
                                      java.util.Map<String, tools.jackson.databind.JsonNode> bank) {
        String prompt = fieldset.locator("legend span").nth(1).textContent();
        var q = bank.get(prompt);
        assertThat(q).as(prompt).isNotNull();
        List<String> right = new java.util.ArrayList<>();
        q.get("answer").forEach(a -> right.add(q.get("options").get(a.asInt()).asText()));
        if ("ORDERING".equals(q.get("type").asText())) {
            var selects = fieldset.locator("select");
            for (int k = 0; k < right.size(); k++) {
                selects.nth(k).selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(right.get(k)));
            }
        } else {
            for (String option : right) {
                fieldset.getByText(option, new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)).click();
            }
        }
    }
}

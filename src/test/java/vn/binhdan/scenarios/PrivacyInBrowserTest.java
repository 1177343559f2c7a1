package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import vn.binhdan.support.InBrowser;
import vn.binhdan.support.World;

/**
 * The privacy pages in a real browser, on a 360-px phone and on a desktop screen: the notice at
 * first login, the consent choices, "Dữ liệu của tôi" and the officer's correction tasks pass axe
 * (WCAG 2.1 A/AA) and do not scroll sideways.
 */
class PrivacyInBrowserTest extends InBrowser {

    @Test
    void theNoticeTheChoicesMyDataAndTheCorrectionTasksAreAccessibleOnAPhoneAndADesktop() {
        String admin = token("province-admin");
        long province = unit("66");
        http.post("/api/v1/privacy/notices", admin, World.map("unitId", province, "title", "Thông báo xử lý dữ liệu cá nhân",
                "body", "Nền tảng xử lý họ tên, ngày sinh và kết quả học tập của bạn.\nBạn có quyền xem, sửa và rút lại đồng ý.",
                "contact", "Sở KH&CN Đắk Lắk, dpo@daklak.gov.vn"));
        http.post("/api/v1/me/corrections", token("learner"), World.map("field", "PHONE", "requestedValue", "0912 000 111"));
        for (int[] size : new int[][]{{360, 740}, {1280, 800}}) {
            try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(size[0], size[1]).setLocale("vi-VN"))) {
                Page page = ctx.newPage();
                String base = "http://localhost:" + port;
                signIn(page, "learner");
                if (page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Đọc thông báo và chọn")).count() > 0) {
                    BrowserAccessibilityTest.check(page);
                    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Đọc thông báo và chọn")).click();
                } else {
                    page.navigate(base + "/me/privacy");
                }
                assertThat(page.locator("h1").textContent()).isEqualTo("Thông báo xử lý dữ liệu cá nhân");
                BrowserAccessibilityTest.check(page);
                page.locator("#ASSISTANT_HISTORY-yes").check();
                page.locator("#PUBLIC_MODEL_LIST-yes").check();
                page.locator("#LEADERBOARD_NAME-no").check();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu lựa chọn")).click();
                assertThat(page.locator("[role=status]").textContent()).contains("Đã lưu");
                BrowserAccessibilityTest.check(page);
                page.navigate(base + "/me/data");
                assertThat(page.locator("h1").textContent()).isEqualTo("Dữ liệu của tôi");
                BrowserAccessibilityTest.check(page);
                assertThat(page.locator(".scroll:not([tabindex])").count()).isZero();

                Page officer = ctx.browser().newContext(new Browser.NewContextOptions()
                        .setViewportSize(size[0], size[1]).setLocale("vi-VN")).newPage();
                signIn(officer, "commune-officer");
                BrowserAccessibilityTest.check(officer);
                officer.navigate(base + "/privacy/corrections");
                assertThat(officer.locator("h1").textContent()).isEqualTo("Yêu cầu chỉnh sửa hồ sơ");
                BrowserAccessibilityTest.check(officer);
                officer.context().close();

                Page provincePage = ctx.browser().newContext(new Browser.NewContextOptions()
                        .setViewportSize(size[0], size[1]).setLocale("vi-VN")).newPage();
                signIn(provincePage, "province-admin");
                provincePage.navigate(base + "/privacy/admin");
                assertThat(provincePage.locator("h1").textContent()).isEqualTo("Bảo vệ dữ liệu cá nhân");
                BrowserAccessibilityTest.check(provincePage);
                provincePage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Áp dụng thời hạn lưu trữ ngay")).click();
                assertThat(provincePage.locator("[role=status]").textContent()).contains("Đã áp dụng");
                BrowserAccessibilityTest.check(provincePage);
                provincePage.context().close();
            }
        }
    }

    /**
     * The province's breach log (an overdue notification marked by a border and words, a breach
     * recorded through the form) and a learner deleting her account, on a phone and a desktop.
     */
    @Test
    void theBreachLogAndAnAccountDeletionAreAccessibleOnAPhoneAndADesktop() {
        String admin = token("province-admin");
        long province = unit("66");
        java.time.Instant now = java.time.Instant.now();
        http.post("/api/v1/privacy/breaches", admin, World.map("unitId", province, "description", "Danh sách gửi nhầm nhóm Zalo",
                "foundAt", now.minusSeconds(5 * 86_400).toString(), "affected", "Khoảng 40 người dân tổ dân phố 1"));
        String[] users = {"xoa-dien-thoai", "xoa-may-tinh"};
        String[][] people = {{"Lê Thị Xóa Điện Thoại", "066193700102"}, {"Lê Văn Xóa Máy Tính", "066094700103"}};
        vn.binhdan.shared.SystemUser.run(vn.binhdan.shared.SystemUser.SYSTEM, () -> {
            for (int i = 0; i < users.length; i++) {
                if (jdbc.sql("SELECT COUNT(*) FROM person WHERE full_name = ?").param(people[i][0]).query(Long.class).single() == 0) {
                    String csv = "Họ và tên,Ngày sinh,Giới tính,Số CCCD,Mã đơn vị\n" + people[i][0] + ","
                            + (i == 0 ? "01/02/1993,Nữ," : "03/04/1994,Nam,") + people[i][1] + ",24133.01\n";
                    World.expectDone(imports.runNow("PERSON", "xoa.csv", new java.io.ByteArrayInputStream(
                            csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null));
                }
                if (accounts.loadByUsername(users[i]).isEmpty()) {
                    accounts.create(users[i], people[i][0], World.PASSWORD, World.personId(jdbc, people[i][0]),
                            java.util.List.of(new vn.binhdan.identity.AccountService.GrantSpec(
                                    vn.binhdan.shared.Role.LEARNER, unit("24133.01"))));
                }
            }
        });
        int[][] sizes = {{360, 740}, {1280, 800}};
        for (int s = 0; s < sizes.length; s++) {
            int[] size = sizes[s];
            try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(size[0], size[1]).setLocale("vi-VN"))) {
                String base = "http://localhost:" + port;
                Page page = ctx.newPage();
                signIn(page, "province-admin");
                page.navigate(base + "/privacy/breaches");
                assertThat(page.locator("h1").textContent()).isEqualTo("Sổ sự cố dữ liệu cá nhân");
                assertThat(page.locator("article", new Page.LocatorOptions().setHasText("Danh sách gửi nhầm nhóm Zalo")).first()
                        .textContent()).contains("Quá hạn thông báo");
                BrowserAccessibilityTest.check(page);
                page.locator("#description").fill("Máy tính của bộ phận một cửa bị nhiễm mã độc " + s);
                page.locator("#foundAt").fill(java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                        .minusHours(2).withSecond(0).withNano(0).toString());
                page.locator("#affected").fill("Chưa rõ, đang rà soát");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ghi sự cố")).click();
                assertThat(page.locator("[role=status]").textContent()).contains("Đã ghi sự cố");
                assertThat(page.locator("main").textContent()).contains("bị nhiễm mã độc " + s);
                BrowserAccessibilityTest.check(page);
                page.context().clearCookies();

                signIn(page, users[s]);
                page.navigate(base + "/me/data");
                assertThat(page.locator("h1").textContent()).isEqualTo("Dữ liệu của tôi");
                BrowserAccessibilityTest.check(page);
                page.locator("#confirm-erasure").check();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xóa tài khoản của tôi")).click();
                assertThat(page.locator("h1").textContent()).isEqualTo("Đã xóa tài khoản");
                assertThat(page.locator("main").textContent()).contains("theo quy định của pháp luật");
                BrowserAccessibilityTest.check(page);
            }
        }
    }

    private void signIn(Page page, String username) {
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(World.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
    }
}

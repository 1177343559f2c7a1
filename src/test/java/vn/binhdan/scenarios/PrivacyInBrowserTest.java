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

    private void signIn(Page page, String username) {
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(World.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
    }
}

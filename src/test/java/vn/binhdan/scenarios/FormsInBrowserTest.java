package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.binhdan.support.InBrowser;
import vn.binhdan.support.World;

/**
 * A province admin sets up a yearly form on a 360-px phone: a due date that does not exist is
 * announced beside its field with what was typed kept, the corrected form is saved; a ward
 * officer keeps the ward's reminder contact. Every page passes axe and fits the screen; the form
 * page is kept as a screenshot ({@code $TMPDIR/binhdan-screenshots/form-new-360.png}) for review.
 */
class FormsInBrowserTest extends InBrowser {

    @Test
    void aProvinceAdminSetsUpAYearlyFormOnAPhone() {
        String base = "http://localhost:" + port;
        try (BrowserContext ctx = phone()) {
            Page page = ctx.newPage();
            signIn(page, "province-admin");
            page.navigate(base + "/reports");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thiết lập biểu mẫu báo cáo")).click();
            BrowserAccessibilityTest.check(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tạo biểu mẫu báo cáo")).click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Tạo biểu mẫu báo cáo");
            BrowserAccessibilityTest.check(page);
            page.evaluate("() => document.querySelector('h1').scrollIntoView()");
            page.screenshot(new Page.ScreenshotOptions().setPath(shot("form-new-360.png")).setFullPage(false));
            page.evaluate("() => document.querySelector('#dueRule').scrollIntoView()");
            page.screenshot(new Page.ScreenshotOptions().setPath(shot("form-due-360.png")).setFullPage(false));
            page.getByLabel("Mã biểu mẫu").fill("DL-NAM-DT");
            page.getByLabel("Tên biểu mẫu").fill("Báo cáo kết quả năm (thử trên điện thoại)");
            page.locator("#dueDay").fill("31");
            page.locator("#dueMonth").fill("2");
            page.getByLabel("Số lớp Bình dân học vụ số đã tổ chức").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tạo biểu mẫu")).click();
            assertThat(page.locator("#problems").textContent()).contains("Ngày 31/2 không có trong lịch");
            assertThat(page.locator("#dueDay").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.getByLabel("Tên biểu mẫu").inputValue()).isEqualTo("Báo cáo kết quả năm (thử trên điện thoại)");
            BrowserAccessibilityTest.check(page);
            page.locator("#dueDay").fill("10");
            page.locator("#dueMonth").fill("12");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tạo biểu mẫu")).click();
            assertThat(page.locator("main").textContent()).contains("Đã tạo biểu mẫu DL-NAM-DT.", "Phiên bản 1");
            BrowserAccessibilityTest.check(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(shot("form-saved-360.png")).setFullPage(true));
        }
        try (BrowserContext ctx = phone()) {
            Page page = ctx.newPage();
            signIn(page, "commune-officer");
            page.navigate(base + "/reports/contacts/" + unit("24133"));
            BrowserAccessibilityTest.check(page);
            page.getByLabel("Thư điện tử").fill("khong-phai-thu");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu liên hệ")).click();
            assertThat(page.locator("#problems").textContent()).contains("Địa chỉ thư điện tử chưa đúng");
            BrowserAccessibilityTest.check(page);
        }
    }

    private static Path shot(String name) {
        return Path.of(System.getProperty("java.io.tmpdir"), "binhdan-screenshots", name);
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
}

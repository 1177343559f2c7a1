package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.binhdan.support.InBrowser;
import vn.binhdan.support.World;

/**
 * The province's emulation office on a 360-px phone: finds the year-end reviews and the
 * commendation campaigns from the menu, records the ward's review and sets up a campaign;
 * every page passes axe's WCAG 2.1 AA checks without sideways scrolling.
 */
class EmulationInBrowserTest extends InBrowser {

    @Test
    void theEmulationOfficeRecordsAReviewAndSetsUpACampaignOnAPhone() {
        String base = "http://localhost:" + port;
        // this year's review: the API scenarios sharing this database look at last year's
        int year = LocalDate.now().getYear();
        try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                .setLocale("vi-VN"))) {
            Page page = ctx.newPage();
            page.navigate(base + "/login");
            page.getByLabel("Tên đăng nhập").fill("province-admin");
            page.getByLabel("Mật khẩu").fill(World.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
            menu(page, "Thi đua, khen thưởng");
            assertThat(page.locator("h1").textContent()).isEqualTo("Thi đua, khen thưởng");
            BrowserAccessibilityTest.check(page);

            page.navigate(base + "/emulation/reviews?unit=" + unit("66") + "&year=" + year);
            BrowserAccessibilityTest.check(page);
            page.navigate(base + "/emulation/reviews/" + unit("24175") + "/" + year);
            BrowserAccessibilityTest.check(page);
            page.getByLabel("Ngày tổ chức").fill(LocalDate.now().toString());
            page.getByLabel("Người chủ trì").fill("Chủ tịch UBND xã Hòa Phú");
            page.getByLabel("Số đại biểu dự").fill("70");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu").setExact(true)).click();
            assertThat(page.locator("[role=status]").textContent()).contains("Đã lưu");
            BrowserAccessibilityTest.check(page);

            page.navigate(base + "/emulation/campaigns");
            BrowserAccessibilityTest.check(page);
            page.getByLabel("Tên đợt").fill("Tổng kết năm trên điện thoại");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tạo đợt khen thưởng")).click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Tổng kết năm trên điện thoại");
            BrowserAccessibilityTest.check(page);
        }
    }
}

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
 * The province's administrator on a 360-px phone: reads a plan's budget, records a quarter's
 * spending, registers a partner with a commitment, and reads the consolidated report's budget
 * table; every page passes axe's WCAG 2.1 AA checks without sideways scrolling.
 */
class BudgetInBrowserTest extends InBrowser {

    @Test
    void theProvinceKeepsItsBudgetAndPartnersOnAPhone() {
        String base = "http://localhost:" + port;
        String admin = token("province-admin");
        int year = LocalDate.now().getYear();
        long plan = PlanFixtures.provincePlan(http, admin, unit("66"), "Kế hoạch có kinh phí trên điện thoại");
        http.post("/api/v1/plans/" + plan + "/budget-lines", admin, World.map("unitId", unit("66"), "source", "PROVINCIAL",
                "title", "Tập huấn tổ công nghệ số cộng đồng", "estimate", 30_000_000, "allocated", 20_000_000));
        try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                .setLocale("vi-VN"))) {
            Page page = ctx.newPage();
            page.navigate(base + "/login");
            page.getByLabel("Tên đăng nhập").fill("province-admin");
            page.getByLabel("Mật khẩu").fill(World.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();

            page.navigate(base + "/plans/" + plan);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kinh phí").setExact(true)).click();
            assertThat(page.locator("h1").textContent()).startsWith("Kinh phí");
            BrowserAccessibilityTest.check(page);
            page.locator("article.card details > summary").first().click();
            page.locator("article.card input[name=amount]").first().fill("25000000");
            page.locator("article.card input[name=documentRef]").first().fill("Phiếu chi 07/UBND");
            page.locator("article.card button[type=submit]").first().click();
            assertThat(page.locator("[role=status]").textContent()).contains("Đã ghi khoản chi");
            assertThat(page.locator("[role=alert]").first().textContent()).contains("vượt số được giao");
            BrowserAccessibilityTest.check(page);

            page.navigate(base + "/partners");
            BrowserAccessibilityTest.check(page);
            page.getByLabel("Tên đối tác").fill("Ngân hàng trên điện thoại");
            page.getByLabel("Loại").selectOption("BANK");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thêm đối tác")).click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Ngân hàng trên điện thoại");
            BrowserAccessibilityTest.check(page);
            page.getByLabel("Loại cam kết").selectOption("DEVICES");
            page.getByLabel("Nội dung cam kết").fill("Máy tính bảng cho điểm học tập cộng đồng");
            page.getByLabel("Số lượng cam kết (kinh phí: đồng)").fill("50");
            page.getByLabel("Từ ngày").fill(year + "-01-01");
            page.getByLabel("Đến ngày").fill(year + "-12-31");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thêm cam kết")).click();
            assertThat(page.locator("article.card h3").first().textContent()).contains("Máy tính bảng");
            BrowserAccessibilityTest.check(page);

            page.navigate(base + "/reports/" + ReportingScenarios.FORM + "/" + unit("66") + "/" + year + "Q4/consolidated");
            assertThat(page.locator("#budget").count()).isEqualTo(1);
            BrowserAccessibilityTest.check(page);
        }
    }
}

package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.binhdan.monitoring.Rollups;
import vn.binhdan.support.InBrowser;
import vn.binhdan.support.World;

/**
 * The team member's phone loses its signal in the middle of the round: the guidance form still
 * opens and saves, and when the signal comes back the entry reaches the ward's figures once.
 */
class GuidanceOfflineBrowserTest extends InBrowser {

    static final String HELPED = "Nguyễn Thị Hoà Mất Sóng";

    @Autowired
    Rollups rollups;

    private long wardSessions() {
        rollups.drain();
        long ward = unit("24133");
        return rollups.totals("GUIDANCE_SESSIONS", List.of(ward)).getOrDefault(ward, Map.of()).getOrDefault("ALL", 0L);
    }

    @Test
    void aGuidanceEntryWrittenWithNoSignalReachesTheWardOnceWhenTheSignalReturns() {
        long before = wardSessions();
        try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                .setLocale("vi-VN"))) {
            Page page = ctx.newPage();
            String base = "http://localhost:" + port;
            page.navigate(base + "/login");
            page.getByLabel("Tên đăng nhập").fill("team-member");
            page.getByLabel("Mật khẩu").fill(World.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
            menu(page, "Cộng đồng số");
            BrowserAccessibilityTest.check(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ghi nhận hướng dẫn mới")).click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Ghi nhận hướng dẫn");
            BrowserAccessibilityTest.check(page);
            // the page is kept on the phone once its service worker is in place
            assertThat(page.evaluate("() => navigator.serviceWorker.ready.then(r => !!r.active)")).isEqualTo(true);

            // with signal, the exact name and birth year come from the registry of the member's area
            page.getByText("Tìm trong danh sách người dân").click();
            page.getByLabel("Họ tên cần tìm").fill("nguyen van an");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm").setExact(true)).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                    java.util.regex.Pattern.compile("^Thêm Nguyễn Văn An, \\d{4}"))).first().click();
            assertThat(page.getByLabel("Người được hướng dẫn").inputValue()).matches("Nguyễn Văn An, \\d{4}");
            BrowserAccessibilityTest.check(page);
            page.getByLabel("Người được hướng dẫn").fill("");

            ctx.setOffline(true);
            page.reload();
            assertThat(page.locator("h1").textContent()).as("the form opens with no signal").isEqualTo("Ghi nhận hướng dẫn");
            page.getByLabel("Người được hướng dẫn").fill(HELPED + ", 1950");
            page.getByLabel("Cài đặt, kích hoạt VNeID mức độ 2").check();
            page.getByLabel("Nhận biết lừa đảo trực tuyến").check();
            page.getByLabel("Thời gian (phút)").fill("25");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).click();
            Locator status = page.locator("#sync-status");
            PlaywrightAssertions.assertThat(status).containsText("Chưa có mạng. 1 bản ghi đã lưu trên máy");
            assertThat(page.getByLabel("Người được hướng dẫn").inputValue()).as("ready for the next person").isEmpty();
            assertThat(page.getByLabel("Cài đặt, kích hoạt VNeID mức độ 2").isChecked())
                    .as("the last entry's topics are not ticked for the next").isFalse();
            assertThat(page.getByLabel("Nhận biết lừa đảo trực tuyến").isChecked()).isFalse();
            assertThat(wardSessions()).as("nothing arrived while offline").isEqualTo(before);

            ctx.setOffline(false);
            // on its own: the "online" event, or the retry after the failed send
            PlaywrightAssertions.assertThat(status).containsText("Đã gửi xong",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            // a second wake-up (the phone's timer, another "online" event) finds nothing left to send
            page.evaluate("() => window.dispatchEvent(new Event('online'))");
            page.waitForTimeout(300);
            assertThat(page.evaluate("() => localStorage.length === 0 || Object.keys(localStorage)"
                    + ".every(k => JSON.parse(localStorage.getItem(k)).length === 0)")).isEqualTo(true);
            assertThat(wardSessions() - before).as("the entry counts once in the ward").isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM guidance_person WHERE full_name = ?").param(HELPED)
                    .query(Long.class).single()).isEqualTo(1);

            page.navigate(base + "/guidance/log");
            PlaywrightAssertions.assertThat(page.locator("main")).containsText(HELPED);
            BrowserAccessibilityTest.check(page);
            page.navigate(base + "/guidance/unregistered");
            PlaywrightAssertions.assertThat(page.locator("main")).containsText(HELPED);
            BrowserAccessibilityTest.check(page);
            page.navigate(base + "/community/teams");
            BrowserAccessibilityTest.check(page);
        }
    }
}

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
 * Phones get large text unless the reader chose a size, and the main pages still fit a 360-px
 * screen with it; a reader who chooses normal text on a phone gets normal text.
 */
class PhoneTextSizeBrowserTest extends InBrowser {

    @Test
    void aPhoneGetsLargeTextByDefaultThatFitsTheScreenAndTheReadersChoiceWins() {
        double desktop;
        try (BrowserContext ctx = screen(1280, 800)) {
            Page page = ctx.newPage();
            signIn(page, "learner");
            desktop = rootFontSize(page);
        }
        try (BrowserContext ctx = screen(360, 740)) {
            Page page = ctx.newPage();
            signIn(page, "learner");
            double phone = rootFontSize(page);
            assertThat(phone).as("root font size on a phone without a choice, vs " + desktop + " on a desktop")
                    .isGreaterThan(desktop);
            fits(page);
            page.navigate(base() + "/learn");
            fits(page);
            page.navigate(base() + "/search?q=vneid");
            assertThat(page.locator("mark").count()).isPositive();
            fits(page);
            page.navigate(base() + "/assistant");
            page.getByLabel("Câu hỏi của bạn (có dấu hoặc không dấu)").fill("cach nhan biet tin nhan lua dao");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hỏi").setExact(true)).click();
            assertThat(page.locator("#assistant-answer").textContent()).isNotBlank();
            fits(page);
            assertThat(rootFontSize(page)).isEqualTo(phone);

            // the reader chooses normal text (the lesson page's "A" button posts the same form)
            page.evaluate("""
                    () => {
                      const f = document.createElement('form');
                      f.method = 'post'; f.action = '/display';
                      for (const [k, v] of [['_csrf', document.querySelector('input[name=_csrf]').value],
                                            ['text', 'normal'], ['back', '/learn']]) {
                        const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; f.append(i);
                      }
                      document.body.append(f); f.submit();
                    }""");
            page.waitForURL("**/learn");
            assertThat(page.locator("html").getAttribute("class")).contains("text-normal");
            assertThat(rootFontSize(page)).isEqualTo(desktop);
            fits(page);
        }
        try (BrowserContext ctx = screen(1280, 800)) {
            Page page = ctx.newPage();
            signIn(page, "learner");
            assertThat(rootFontSize(page)).as("a desktop is unchanged").isEqualTo(desktop);
        }
    }

    private static double rootFontSize(Page page) {
        return ((Number) page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)")).doubleValue();
    }

    private static void fits(Page page) {
        Object fits = page.evaluate("() => document.scrollingElement.scrollWidth <= window.innerWidth");
        Object widths = page.evaluate("() => document.scrollingElement.scrollWidth + ' > ' + window.innerWidth");
        assertThat(fits).as(page.url() + " scrolls sideways: " + widths).isEqualTo(true);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private BrowserContext screen(int width, int height) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("vi-VN"));
    }

    private void signIn(Page page, String username) {
        page.navigate(base() + "/login");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(World.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        page.waitForURL(u -> !u.contains("/login"));
    }
}

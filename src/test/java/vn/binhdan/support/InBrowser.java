package vn.binhdan.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the scenarios a user plays in a real browser: one Chromium per test class. */
public abstract class InBrowser extends EndToEnd {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    protected Playwright playwright;
    protected Browser browser;

    @BeforeAll
    void startBrowser() {
        playwright = Playwright.create();
        browser = launch(playwright);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /**
     * Follows a link of the header's menu as a person would: on a phone the menu is folded behind
     * its button, so the button is tapped first; on a wide screen the links are in view.
     */
    public static void menu(com.microsoft.playwright.Page page, String link) {
        var button = page.locator("header details.menu > summary");
        if (button.isVisible() && page.locator("header details.menu[open]").count() == 0) {
            button.click();
        }
        page.locator("header nav").getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName(link).setExact(true)).click();
    }

    /** Debian's chromium, headless, as root in a container. */
    public static Browser launch(Playwright playwright) {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("the UI tests need Debian's chromium: apt-get install -y chromium fonts-noto-core").isTrue();
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }
}

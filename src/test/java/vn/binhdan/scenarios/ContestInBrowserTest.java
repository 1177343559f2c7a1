package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.binhdan.identity.AccountService.GrantSpec;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.support.InBrowser;
import vn.binhdan.support.World;

/**
 * The learner takes the open round on a 360-px phone: finds it, answers in the page, predicts
 * and submits; the organiser closes the round; the ranking shows her ahead of an equally right
 * neighbour by the prediction, the ward's participation counts her, the prize list downloads,
 * and every page on the way passes axe's WCAG 2.1 AA checks without sideways scrolling.
 */
class ContestInBrowserTest extends InBrowser {

    @Test
    void theLearnerTakesTheOpenRoundOnAPhoneAndWinsItByHerPrediction() {
        String admin = token("province-admin");
        Map<String, JsonNode> bank = new HashMap<>();
        for (JsonNode q : http.get("/api/v1/questions", admin).json()) {
            bank.put(key(q.get("prompt").asText(), q.get("options")), q);
        }
        long contest = http.post("/api/v1/contests", admin, World.map("unitId", unit("66"), "title",
                "Cuộc thi trên điện thoại", "organiser", "Sở KH&CN", "finalPrizes", 1, "collectivePrizes", 1))
                .json().get("id").asLong();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long round = http.post("/api/v1/contests/" + contest + "/rounds", admin, World.map("title", "Vòng điện thoại",
                "opensAt", now.minusSeconds(60).toString(), "closesAt", now.plus(1, ChronoUnit.DAYS).toString(),
                "timeLimitMinutes", 20, "prizes", 2, "draw", List.of(World.map("area", "1", "count", 3),
                        World.map("area", "4", "count", 3)))).json().get("id").asLong();

        // a neighbour gets everything right too, but predicts further from the truth
        SystemUser.run(SystemUser.SYSTEM, () -> {
            if (accounts.loadByUsername("hoa").isEmpty()) {
                accounts.create("hoa", "Nguyễn Thị Hoa", World.PASSWORD, person("Nguyễn Thị Hoa"),
                        List.of(new GrantSpec(Role.LEARNER, unit("24133.01"))));
            }
        });
        String hoa = token("hoa");
        JsonNode hers = http.post("/api/v1/contest-rounds/" + round + "/entries", hoa, null).json();
        for (JsonNode item : hers.get("items")) {
            http.put("/api/v1/me/contest-entries/" + hers.get("entryId").asText() + "/items/" + item.get("position").asInt(),
                    hoa, World.map("choice", right(bank, item)));
        }
        assertThat(http.post("/api/v1/me/contest-entries/" + hers.get("entryId").asText() + "/submit", hoa,
                World.map("prediction", 5)).status()).isEqualTo(200);

        // her name on the leaderboard is her choice (the privacy scenarios may have her refuse it in
        // this shared database): here she has agreed, last
        jdbc.sql("""
                INSERT INTO privacy_consent (person_id, purpose, granted, decided_at, decided_by)
                VALUES (?, 'LEADERBOARD_NAME', TRUE, CURRENT_TIMESTAMP, 'learner')""")
                .param(person("Nguyễn Văn An")).update();
        String base = "http://localhost:" + port;
        try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                .setLocale("vi-VN"))) {
            Page page = ctx.newPage();
            page.navigate(base + "/login");
            page.getByLabel("Tên đăng nhập").fill("learner");
            page.getByLabel("Mật khẩu").fill(World.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
            menu(page, "Cuộc thi");
            assertThat(page.locator("h1").textContent()).isEqualTo("Cuộc thi trực tuyến");
            BrowserBits.check(page);
            page.locator("article", new Page.LocatorOptions().setHasText("Vòng điện thoại"))
                    .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Vào thi"))
                    .click();
            assertThat(page.url()).contains("/contests/entries/");
            BrowserBits.check(page);
            String entry = page.url().replaceAll(".*/contests/entries/([0-9a-f-]{36}).*", "$1");
            JsonNode form = http.get("/api/v1/me/contest-entries/" + entry, token("learner")).json();
            for (JsonNode item : form.get("items")) {
                int p = item.get("position").asInt();
                List<Integer> choice = right(bank, item);
                if ("ORDERING".equals(item.get("type").asText())) {
                    for (int s = 0; s < choice.size(); s++) {
                        page.locator("#q" + p + "-" + s).selectOption(String.valueOf(choice.get(s)));
                    }
                } else {
                    for (int c : choice) {
                        page.locator("label[for=q" + p + "-" + c + "]").click();
                    }
                }
            }
            page.getByLabel("Câu hỏi dự đoán", new Page.GetByLabelOptions().setExact(false)).fill("2");
            page.onDialog(d -> d.accept());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nộp bài")).click();
            assertThat(page.locator("main").textContent()).contains("Đã nộp bài").contains("sau khi vòng thi đóng");
            BrowserBits.check(page);

            assertThat(http.post("/api/v1/contest-rounds/" + round + "/close", admin, null).status()).isEqualTo(200);
            page.reload();
            assertThat(page.locator("main").textContent()).contains("Số câu đúng: 6/6").contains("Chênh lệch: 0")
                    .contains("Xếp hạng: 1/2");
            BrowserBits.check(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bảng xếp hạng")).click();
            var rows = page.locator("table").first().locator("tbody tr");
            assertThat(rows.nth(0).textContent()).contains("Nguyễn V. A.");
            assertThat(rows.nth(1).textContent()).contains("Nguyễn T. H.").contains("Câu dự đoán");
            assertThat(page.locator("table", new Page.LocatorOptions().setHasText("Tham gia theo đơn vị"))
                    .locator("tr", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Phường Buôn Ma Thuột"))
                    .textContent()).contains("2");
            BrowserBits.check(page);
        }
        try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("vi-VN"))) {
            Page page = ctx.newPage();
            page.navigate(base + "/login");
            page.getByLabel("Tên đăng nhập").fill("province-admin");
            page.getByLabel("Mật khẩu").fill(World.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
            page.navigate(base + "/contests/" + contest);
            BrowserBits.check(page);
            page.navigate(base + "/contests/rounds/" + round);
            assertThat(page.locator("main").textContent()).contains("Nguyễn Văn An").contains("Nguyễn Thị Hoa");
            BrowserBits.check(page);
            Download download = page.waitForDownload(() -> page.getByText("Tải danh sách giải (XLSX)").click());
            assertThat(download.suggestedFilename()).endsWith(".xlsx");
        }
    }

    private static String key(String prompt, JsonNode options) {
        TreeSet<String> sorted = new TreeSet<>();
        options.forEach(o -> sorted.add(o.asText()));
        return prompt + "|" + sorted;
    }

    private static List<Integer> right(Map<String, JsonNode> bank, JsonNode item) {
        JsonNode q = bank.get(key(item.get("prompt").asText(), item.get("options")));
        List<String> shown = new ArrayList<>();
        item.get("options").forEach(o -> shown.add(o.asText()));
        List<Integer> choice = new ArrayList<>();
        for (JsonNode original : q.get("answer")) {
            choice.add(shown.indexOf(q.get("options").get(original.asInt()).asText()));
        }
        if (!"ORDERING".equals(q.get("type").asText())) {
            choice.sort(null);
        }
        return choice;
    }

    /** The accessibility check of the browser scenarios. */
    static final class BrowserBits {
        static void check(Page page) {
            BrowserAccessibilityTest.check(page);
        }
    }
}

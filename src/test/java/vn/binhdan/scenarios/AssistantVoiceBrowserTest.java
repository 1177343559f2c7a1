package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.binhdan.support.InBrowser;
import vn.binhdan.support.World;

/**
 * The assistant's voice on a phone: a question said instead of typed lands in the question box
 * and gets its answer, which is read aloud in Vietnamese; a refused microphone is explained in
 * Vietnamese. The browser's speech APIs are stood in for, since a test machine has neither a
 * microphone nor voices; where the APIs are missing the buttons stay hidden and typing works.
 */
class AssistantVoiceBrowserTest extends InBrowser {

    /** Records what would be spoken and lets the test play the recogniser's part. */
    static final String SPEECH_STUBS = """
            (() => {
              window.__spoken = []; window.__cancelled = 0; window.__recognisers = [];
              const synth = {
                getVoices: () => [{ lang: 'en-US', name: 'English' }, { lang: 'vi-VN', name: 'Tiếng Việt' }],
                speak(u) { window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null }); },
                cancel() { window.__cancelled++; }
              };
              Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
              window.SpeechSynthesisUtterance = function (text) { this.text = text; };
              function Recogniser() { window.__recognisers.push(this); }
              Recogniser.prototype.start = function () { this.started = true; };
              Recogniser.prototype.stop = function () { if (this.onend) { this.onend(); } };
              window.webkitSpeechRecognition = Recogniser;
              try { delete window.SpeechRecognition; } catch (e) { /* not there */ }
              window.SpeechRecognition = undefined;
            })();
            """;

    /** A browser without speech: old phones, some privacy-minded browsers. */
    static final String NO_SPEECH = """
            (() => {
              for (const name of ['speechSynthesis', 'SpeechSynthesisUtterance', 'SpeechRecognition', 'webkitSpeechRecognition']) {
                try { delete window[name]; } catch (e) { /* not configurable */ }
                if (name in window) { Object.defineProperty(window, name, { value: undefined, configurable: true }); }
              }
            })();
            """;

    static final String SCAM = "cach nhan biet tin nhan lua dao";

    @Test
    void aQuestionSaidAloudIsAnsweredAndTheAnswerIsReadAloudInVietnamese() {
        try (BrowserContext ctx = phone()) {
            ctx.addInitScript(SPEECH_STUBS);
            Page page = ctx.newPage();
            signIn(page, "learner");
            page.navigate(base() + "/assistant");
            Locator mic = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nói câu hỏi"));
            assertThat(mic.isVisible()).isTrue();
            assertThat(page.locator("button[data-read-target]").count()).as("no answer yet, nothing to read").isZero();
            assertTapTarget(mic);

            mic.click();
            Locator status = page.locator("#assistant-voice-status");
            assertThat(status.textContent()).startsWith("Đang nghe…");
            assertThat(status.getAttribute("aria-live")).isEqualTo("polite");
            assertThat(page.evaluate("() => window.__recognisers[0].lang")).isEqualTo("vi-VN");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dừng nghe")).isVisible()).isTrue();
            page.evaluate("phrase => { const r = window.__recognisers[0];"
                    + " r.onresult({ resultIndex: 0, results: [[{ transcript: phrase }]] }); r.onend(); }", SCAM);
            assertThat(page.getByLabel("Câu hỏi của bạn (có dấu hoặc không dấu)").inputValue()).isEqualTo(SCAM);
            assertThat(status.textContent()).startsWith("Đã điền câu bạn nói vào ô câu hỏi.");
            assertThat(mic.isVisible()).as("the button is back to listening").isTrue();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hỏi").setExact(true)).click();
            assertThat(page.locator("main").textContent()).contains("Nhận diện lừa đảo");
            String answer = page.locator("#assistant-answer").textContent();
            assertThat(answer).isNotBlank();
            BrowserAccessibilityTest.check(page);

            Locator read = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đọc to"));
            assertThat(read.isVisible()).isTrue();
            assertTapTarget(read);
            read.click();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> spoken = (List<Map<String, Object>>) page.evaluate("() => window.__spoken");
            assertThat(spoken).hasSize(1);
            assertThat(spoken.getFirst()).containsEntry("text", answer).containsEntry("lang", "vi-VN")
                    .containsEntry("voice", "Tiếng Việt");
            Locator stop = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dừng đọc"));
            assertThat(stop.isVisible()).isTrue();
            int cancelled = ((Number) page.evaluate("() => window.__cancelled")).intValue();
            stop.click();
            assertThat(((Number) page.evaluate("() => window.__cancelled")).intValue()).isEqualTo(cancelled + 1);
            assertThat(page.evaluate("() => window.__spoken.length")).as("a second press stops, it does not read again")
                    .isEqualTo(1);
            assertThat(read.isVisible()).isTrue();
            BrowserAccessibilityTest.check(page);
        }
    }

    @Test
    void aRefusedMicrophoneIsExplainedInVietnameseAndTypingStillWorks() {
        try (BrowserContext ctx = phone()) {
            ctx.addInitScript(SPEECH_STUBS);
            Page page = ctx.newPage();
            signIn(page, "learner");
            page.navigate(base() + "/assistant");
            page.getByLabel("Câu hỏi của bạn (có dấu hoặc không dấu)").fill("lam sao");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nói câu hỏi")).click();
            page.evaluate("() => { const r = window.__recognisers[0]; r.onerror({ error: 'not-allowed' }); r.onend(); }");
            assertThat(page.locator("#assistant-voice-status").textContent())
                    .isEqualTo("Trình duyệt chưa được phép dùng micrô. Bạn cho phép dùng micrô trong phần cài đặt của "
                            + "trình duyệt, hoặc gõ câu hỏi.");
            assertThat(page.getByLabel("Câu hỏi của bạn (có dấu hoặc không dấu)").inputValue()).isEqualTo("lam sao");
            // what was typed stays, what is said is added after it
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nói câu hỏi")).click();
            page.evaluate("() => { const r = window.__recognisers[1];"
                    + " r.onresult({ resultIndex: 0, results: [[{ transcript: 'cai vneid' }]] }); r.onend(); }");
            assertThat(page.getByLabel("Câu hỏi của bạn (có dấu hoặc không dấu)").inputValue()).isEqualTo("lam sao cai vneid");
            BrowserAccessibilityTest.check(page);
        }
    }

    @Test
    void withoutSpeechInTheBrowserTheButtonsStayHiddenAndTheAssistantStillAnswers() {
        try (BrowserContext ctx = phone()) {
            ctx.addInitScript(NO_SPEECH);
            Page page = ctx.newPage();
            signIn(page, "learner");
            page.navigate(base() + "/assistant");
            assertThat(page.evaluate("() => !!window.speechSynthesis || !!window.webkitSpeechRecognition")).isEqualTo(false);
            assertThat(page.locator("#assistant-mic").isVisible()).isFalse();
            page.getByLabel("Câu hỏi của bạn (có dấu hoặc không dấu)").fill(SCAM);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hỏi").setExact(true)).click();
            assertThat(page.locator("#assistant-answer").textContent()).isNotBlank();
            assertThat(page.locator("button[data-read-target]").count()).isEqualTo(1);
            assertThat(page.locator("button[data-read-target]").isVisible()).isFalse();
            assertThat(page.locator("#assistant-mic").isVisible()).isFalse();
            BrowserAccessibilityTest.check(page);
        }
    }

    /** The browser's own APIs, untouched: each button is there exactly when its API is. */
    @Test
    void theButtonsFollowTheBrowsersOwnSpeechApis() {
        try (BrowserContext ctx = phone()) {
            Page page = ctx.newPage();
            signIn(page, "learner");
            page.navigate(base() + "/assistant");
            page.getByLabel("Câu hỏi của bạn (có dấu hoặc không dấu)").fill(SCAM);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hỏi").setExact(true)).click();
            boolean speaks = (Boolean) page.evaluate("() => !!(window.speechSynthesis && window.SpeechSynthesisUtterance)");
            boolean listens = (Boolean) page.evaluate("() => !!(window.SpeechRecognition || window.webkitSpeechRecognition)");
            assertThat(page.locator("button[data-read-target]").isVisible()).isEqualTo(speaks);
            assertThat(page.locator("#assistant-mic").isVisible()).isEqualTo(listens);
        }
    }

    /** The script is small and, like pages and stylesheets, sent compressed. */
    @Test
    void theScriptIsSmallAndSentCompressed() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/js/assistant.js"))
                .header("Accept-Encoding", "gzip").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.body().length).as("compressed size").isLessThan(2_000);
    }

    private static void assertTapTarget(Locator button) {
        var box = button.boundingBox();
        assertThat(box.height).as("tap target height").isGreaterThanOrEqualTo(44);
        assertThat(box.width).as("tap target width").isGreaterThanOrEqualTo(44);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private BrowserContext phone() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setLocale("vi-VN"));
    }

    private void signIn(Page page, String username) {
        page.navigate(base() + "/login");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(World.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
    }
}

package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.binhdan.support.InBrowser;
import vn.binhdan.support.World;

/**
 * Every page each kind of user reaches on a 360×740 phone, found by following the links they are
 * shown (the menu, then the links on each page, two steps deep): the page opens (a link never leads
 * to a page the user may not see), nothing sticks out sideways, no two pieces of text are drawn over
 * each other, and the header leaves at least 80 % of the screen to the content.
 */
class PhoneLayoutBrowserTest extends InBrowser {

    /** One page per shape of address: /units/12 and /units/13 show the same template. */
    private static final Pattern NUMBER = Pattern.compile("(?<=/)[0-9][0-9A-Za-z.-]*|(?<==)[^&]*");
    /** Downloads, the API, actions and the language switch are not pages to lay out. */
    private static final Pattern SKIP = Pattern.compile(
            ".*(/api/|/logout|\\.(xlsx|pdf|csv|docx|json|png|jpg|svg|zip)(\\?|$)|/export|/download|/media/|"
                    + "/package|[?&]lang=|[?&]format=|/qr\\.svg|/print).*");
    private static final int MAX_PAGES = 60;

    private static final String INSPECT = """
            () => {
              const vw = window.innerWidth;
              const problems = [];
              if (document.documentElement.scrollWidth > vw + 1) {
                problems.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' px wide');
              }
              const hidden = el => {
                for (let e = el; e && e !== document.body; e = e.parentElement) {
                  const s = getComputedStyle(e);
                  if (s.display === 'none' || s.visibility === 'hidden' || s.clipPath === 'inset(50%)'
                      || s.clip === 'rect(0px, 0px, 0px, 0px)' || e.hidden) { return true; }
                  if (e.tagName === 'DIALOG' && !e.open) { return true; }
                  if (e.tagName === 'DETAILS' && !e.open && e.firstElementChild && !e.firstElementChild.contains(el)
                      && e.firstElementChild.tagName === 'SUMMARY') { return true; }
                }
                return false;
              };
              const scroller = el => {
                for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
                  const o = getComputedStyle(e).overflowX;
                  if (o === 'auto' || o === 'scroll' || o === 'hidden') { return e; }
                }
                return null;
              };
              const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                  + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
                  + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
              // text boxes: each text node's line boxes, with the element that holds it
              const boxes = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                if (!n.textContent.trim()) { continue; }
                const el = n.parentElement;
                if (!el || el.closest('script,style,noscript,.skip') || hidden(el)) { continue; }
                const range = document.createRange();
                range.selectNodeContents(n);
                const sc = scroller(el);
                for (const r of range.getClientRects()) {
                  if (r.width < 1 || r.height < 1) { continue; }
                  if (!sc && (r.right > vw + 1 || r.left < -1)) {
                    problems.push('text outside the screen (' + Math.round(r.left) + '..' + Math.round(r.right) + '): ' + name(el));
                  }
                  boxes.push({el, sc, r});
                }
              }
              for (const el of document.querySelectorAll('main *, header *')) {
                if (!(el instanceof HTMLElement) || ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'IMG', 'svg'].indexOf(el.tagName) < 0) { continue; }
                if (hidden(el) || scroller(el)) { continue; }
                const r = el.getBoundingClientRect();
                if (r.width > 0 && (r.right > vw + 1 || r.left < -1)) {
                  problems.push('control outside the screen (' + Math.round(r.left) + '..' + Math.round(r.right) + '): ' + name(el));
                }
              }
              boxes.sort((a, b) => a.r.top - b.r.top);
              for (let i = 0; i < boxes.length; i++) {
                const a = boxes[i];
                for (let j = i + 1; j < boxes.length && boxes[j].r.top < a.r.bottom - 2; j++) {
                  const b = boxes[j];
                  if (a.el === b.el || a.sc !== b.sc) { continue; }
                  const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
                  const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
                  if (w > 2 && h > 2) {
                    problems.push('text drawn over text: ' + name(a.el) + ' and ' + name(b.el));
                  }
                }
              }
              const main = document.querySelector('main');
              if (main && main.getBoundingClientRect().top > window.innerHeight * 0.2) {
                problems.push('the header takes ' + Math.round(main.getBoundingClientRect().top) + ' px of ' + window.innerHeight);
              }
              const links = [...document.querySelectorAll('a[href]')]
                  .filter(a => !a.hasAttribute('download'))
                  .map(a => a.href);
              return {problems: [...new Set(problems)].slice(0, 12), links};
            }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"learner", "team-member", "commune-officer", "province-admin"})
    void everyPageAUserReachesFitsAPhone(String username) {
        String base = "http://localhost:" + port;
        try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                .setLocale("vi-VN"))) {
            Page page = ctx.newPage();
            page.navigate(base + "/login");
            page.getByLabel("Tên đăng nhập").fill(username);
            page.getByLabel("Mật khẩu").fill(World.PASSWORD);
            page.locator("main button[type=submit]").click();
            page.waitForURL(u -> !u.contains("/login"));

            Set<String> shapes = new LinkedHashSet<>();
            Deque<String[]> queue = new ArrayDeque<>();
            queue.add(new String[] {"/", "0", "(start)"});
            shapes.add("/");
            List<String> failures = new ArrayList<>();
            int visited = 0;
            while (!queue.isEmpty() && visited < MAX_PAGES) {
                String[] next = queue.poll();
                String path = next[0];
                int depth = Integer.parseInt(next[1]);
                Response response = page.navigate(base + path);
                visited++;
                if (response == null || response.status() >= 400) {
                    failures.add(path + " (linked from " + next[2] + ") answers " + (response == null ? "nothing" : response.status()));
                    continue;
                }
                @SuppressWarnings("unchecked")
                var result = (java.util.Map<String, Object>) page.evaluate(INSPECT);
                @SuppressWarnings("unchecked")
                List<String> problems = (List<String>) result.get("problems");
                problems.forEach(p -> failures.add(path + ": " + p));
                if (depth >= 2) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<String> links = (List<String>) result.get("links");
                for (String link : links) {
                    if (!link.startsWith(base)) {
                        continue;
                    }
                    String local = link.substring(base.length());
                    int hash = local.indexOf('#');
                    if (hash >= 0) {
                        local = local.substring(0, hash);
                    }
                    if (local.isEmpty() || SKIP.matcher(local).matches()) {
                        continue;
                    }
                    if (shapes.add(NUMBER.matcher(local).replaceAll("_"))) {
                        queue.add(new String[] {local, Integer.toString(depth + 1), path});
                    }
                }
            }
            System.out.println(username + " walked " + visited + " pages on a phone");
            assertThat(visited).as("pages walked").isGreaterThan(5);
            assertThat(failures).as(username + " on a 360-px phone").isEmpty();
        }
    }
}

package vn.binhdan.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import vn.binhdan.identity.AccountService;
import vn.binhdan.importing.ImportJob;
import vn.binhdan.importing.ImportService;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.SystemUser;

/**
 * The guidance log's figures (issue 5), on the embedded PostgreSQL and 2 cores:
 * <ol>
 * <li>bytes on the wire for the phone form's first load and for a repeat submission, in a real
 * Chromium at 360 px, beside the login page's first load;</li>
 * <li>single submissions per second through {@code POST /api/v1/guidance}, beside the bare HTTP
 * ceiling of the same server (a small static file, same closed-loop generator, same clients);</li>
 * <li>a phone's queue of 500 entries synced in one request, beside the same 500 sent one by one;
 * sent twice, it must add nothing.</li>
 * </ol>
 * Arguments: clients (default 64), measured seconds per load (default 15), sync rounds (default 10).
 */
public final class GuidanceBench {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int VILLAGES = 10;
    private static final int PERSONS = 3000;
    private static final String PASSWORD = "bench-guidance-1";

    private GuidanceBench() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        System.out.printf(Locale.ROOT, "machine %d cores, JDK %s; clients %d, %d s per load, %d sync rounds%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), clients, seconds, rounds);
        System.out.printf("load average before the start %s", Files.readString(Path.of("/proc/loadavg")));
        Path work = Files.createTempDirectory("guidance-bench");
        // durable commits, as production runs: every submission waits for its WAL flush
        try (EmbeddedPostgres pg = Harness.startPostgres(work, null, Map.of("fsync", "on", "synchronous_commit", "on"),
                null)) {
            ConfigurableApplicationContext ctx = Harness.startApp(Harness.url(pg), work);
            try (Connection c = DriverManager.getConnection(Harness.url(pg), "postgres", "postgres")) {
                new Run(ctx, c, work).go(clients, seconds, rounds);
            } finally {
                ctx.close();
            }
        } finally {
            Harness.deleteTree(work);
        }
    }

    private static final class Run {
        final ConfigurableApplicationContext ctx;
        final Connection db;
        final Path work;
        final String base;
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final List<String> tokens = new ArrayList<>();
        final Map<Integer, long[]> peopleByVillage = new HashMap<>();
        final Map<Integer, List<String[]>> namesByVillage = new HashMap<>();
        final Map<Integer, Long> villageIds = new HashMap<>();
        String adminToken;

        Run(ConfigurableApplicationContext ctx, Connection db, Path work) {
            this.ctx = ctx;
            this.db = db;
            this.work = work;
            this.base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
        }

        void go(int clients, int seconds, int rounds) throws Exception {
            setup();
            Bytes bytes = bytes();
            double[] load = throughput(clients, seconds);
            double[] sync = sync(rounds);
            JsonNode check = post("/api/v1/monitoring/check", adminToken, Map.of());
            long sessions = scalar("SELECT COUNT(*) FROM guidance_session");
            long distinct = scalar("SELECT COUNT(DISTINCT client_id) FROM guidance_session");
            System.out.printf(Locale.ROOT, "check   rollups against the rows: %d values compared, %d differences; "
                    + "%,d sessions stored, %,d distinct client ids%n", check.get("compared").asLong(),
                    check.get("differences").asInt(), sessions, distinct);
            System.out.printf(Locale.ROOT, "load average at the end %s", Files.readString(Path.of("/proc/loadavg")));
            System.out.println();
            System.out.println("| figure | measured | baseline in the same run | ratio | target |");
            System.out.println("|---|---|---|---|---|");
            System.out.printf(Locale.ROOT, "| guidance form, first load (HTML, CSS, script, service worker and its copies) "
                            + "| %,.1f KB in %d requests | login page first load %,.1f KB | %.2f | ≤ 150 KB |%n",
                    bytes.formFirst / 1024.0, bytes.formRequests, bytes.login / 1024.0, bytes.formFirst / (double) bytes.login);
            System.out.printf(Locale.ROOT, "| repeat submission (sync request and reply, headers included) "
                            + "| %,d B | form's first load %,.1f KB | %.3f | ≤ 5 KB |%n",
                    bytes.repeat, bytes.formFirst / 1024.0, bytes.repeat / (double) bytes.formFirst);
            System.out.printf(Locale.ROOT, "| submissions/s, %d clients, 2 cores, PostgreSQL (fsync on) | %,.0f/s (p50 %.1f ms, "
                            + "p99 %.1f ms, %d errors) | bare HTTP ceiling (static file, same generator) %,.0f/s | %.2f | ≥ 1,000/s |%n",
                    clients, load[0], load[1], load[2], (long) load[3], load[4], load[0] / load[4]);
            System.out.printf(Locale.ROOT, "| 500 queued entries in one sync | p50 %.0f ms, max %.0f ms over %d rounds; "
                            + "resent: %d added | the same 500 sent one by one, %.0f ms | %.3f | < 2 s, no duplicate |%n",
                    sync[0], sync[1], rounds, (long) sync[3], sync[2], sync[0] / sync[2]);
        }

        // ---- setup: a ward with ten villages, 3,000 residents, a team member per village ----

        void setup() throws Exception {
            long t = System.nanoTime();
            ImportService imports = ctx.getBean(ImportService.class);
            StringBuilder units = new StringBuilder("code,name,type,parent_code\n66,Tỉnh Đắk Lắk,tỉnh,\n"
                    + "24133,Phường Buôn Ma Thuột,phường,66\n");
            for (int v = 1; v <= VILLAGES; v++) {
                units.append(String.format(Locale.ROOT, "24133.%02d,Tổ dân phố %d,tổ dân phố,24133%n", v, v));
            }
            Path unitFile = work.resolve("units.csv");
            Files.writeString(unitFile, units);
            expectDone(Harness.importFile(imports, "UNIT", unitFile, null));
            SplittableRandom rnd = new SplittableRandom(5);
            StringBuilder persons = new StringBuilder("Họ và tên,Ngày sinh,Giới tính,Số CCCD,Mã đơn vị\n");
            int[] serial = {0};
            for (int i = 0; i < PERSONS; i++) {
                boolean male = rnd.nextBoolean();
                int year = 1940 + rnd.nextInt(60);
                String family = DataGen.KINH_FAMILY.pick(rnd);
                persons.append(DataGen.kinhName(rnd, male, family, year)).append(',')
                        .append(String.format(Locale.ROOT, "%02d/%02d/%d", 1 + rnd.nextInt(28), 1 + rnd.nextInt(12), year))
                        .append(male ? ",Nam," : ",Nữ,")
                        .append(String.format(Locale.ROOT, "0661%02d%06d", year % 100, ++serial[0])).append(',')
                        .append(String.format(Locale.ROOT, "24133.%02d", 1 + i % VILLAGES)).append('\n');
            }
            Path personFile = work.resolve("persons.csv");
            Files.writeString(personFile, persons);
            expectDone(Harness.importFile(imports, "PERSON", personFile, null));
            AccountService accounts = ctx.getBean(AccountService.class);
            for (int v = 1; v <= VILLAGES; v++) {
                long unitId = scalar(String.format(Locale.ROOT, "SELECT id FROM unit WHERE code = '24133.%02d'", v));
                villageIds.put(v, unitId);
                int village = v;
                SystemUser.run(SystemUser.SYSTEM, () -> accounts.create("member" + village, "Tổ viên " + village, PASSWORD,
                        null, List.of(new AccountService.GrantSpec(Role.TEAM_MEMBER, unitId))));
                tokens.add(login("member" + v));
                List<Long> ids = new ArrayList<>();
                List<String[]> names = new ArrayList<>();
                try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT id, full_name, EXTRACT(YEAR FROM birth_date) FROM person WHERE residence_unit_id = " + unitId)) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        names.add(new String[]{rs.getString(2), Integer.toString(rs.getInt(3))});
                    }
                }
                peopleByVillage.put(v, ids.stream().mapToLong(Long::longValue).toArray());
                namesByVillage.put(v, names);
            }
            long province = scalar("SELECT id FROM unit WHERE code = '66'");
            SystemUser.run(SystemUser.SYSTEM, () -> accounts.create("bench-admin", "Quản trị", PASSWORD, null,
                    List.of(new AccountService.GrantSpec(Role.PROVINCE_ADMIN, province))));
            adminToken = login("bench-admin");
            System.out.printf(Locale.ROOT, "setup   %d villages, %,d residents (person import), %d team members with tokens "
                    + "in %.1f s%n", VILLAGES, PERSONS, VILLAGES, (System.nanoTime() - t) / 1e9);
        }

        // ---- 1. bytes on the wire in a real browser ----

        record Bytes(long login, long formFirst, int formRequests, long repeat) {
        }

        Bytes bytes() throws Exception {
            Path chromium = Path.of("/usr/bin/chromium");
            try (Playwright pw = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                 Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                         .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu")));
                 BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                         .setLocale("vi-VN"))) {
                List<Request> seen = java.util.Collections.synchronizedList(new ArrayList<>());
                phone.onRequestFinished(seen::add);
                Page page = phone.newPage();
                page.navigate(base + "/login");
                page.waitForLoadState();
                long login = total(seen);
                int loginRequests = seen.size();
                page.getByLabel("Tên đăng nhập").fill("member1");
                page.getByLabel("Mật khẩu").fill(PASSWORD);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
                page.waitForLoadState();
                seen.clear();
                page.navigate(base + "/guidance/new");
                // a promise evaluate() has no time limit: bound the wait for the service worker ourselves
                page.evaluate("() => { navigator.serviceWorker.ready.then(r => { window.__swReady = !!r.active; }); }");
                page.waitForFunction("() => window.__swReady === true", null,
                        new Page.WaitForFunctionOptions().setTimeout(15_000));
                page.waitForTimeout(500);
                long first = total(seen);
                int firstRequests = seen.size();
                for (Request r : List.copyOf(seen)) {
                    System.out.printf(Locale.ROOT, "bytes   first load: %-6s %-55s %,7d B%n", r.method(),
                            URI.create(r.url()).getPath(), size(r));
                }
                long repeat = 0;
                String[] person = namesByVillage.get(1).get(0);
                for (int i = 0; i < 2; i++) {
                    seen.clear();
                    page.getByLabel("Người được hướng dẫn").fill(person[0] + ", " + person[1]);
                    page.getByLabel("Cài đặt, kích hoạt VNeID mức độ 2").check();
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).click();
                    page.waitForFunction("() => document.getElementById('sync-status').textContent.indexOf('Đã gửi xong') >= 0");
                    page.waitForTimeout(200);
                    repeat = seen.stream().filter(r -> r.url().endsWith("/guidance/sync")).mapToLong(GuidanceBench::size).sum();
                    page.evaluate("() => document.getElementById('sync-status').textContent = ''");
                }
                System.out.printf(Locale.ROOT, "bytes   login page %,d B in %d requests; guidance form %,d B in %d requests; "
                        + "a repeat submission %,d B%n", login, loginRequests, first, firstRequests, repeat);
                return new Bytes(login, first, firstRequests, repeat);
            }
        }

        private static long total(List<Request> requests) {
            synchronized (requests) {
                return requests.stream().mapToLong(GuidanceBench::size).sum();
            }
        }

        // ---- 2. submissions per second beside the bare HTTP ceiling ----

        double[] throughput(int clients, int seconds) throws Exception {
            Path staticDir = Path.of(GuidanceBench.class.getResource("/static/css/app.css").toURI()).getParent();
            Files.writeString(staticDir.resolve("bench-ceiling.json"),
                    "{\"clientId\":\"0b6f4c1e-9d1a-4c55-8a43-7f1d2e3c4b5a\",\"status\":\"RECORDED\",\"sessionId\":123456}");
            LocalDate today = LocalDate.now(VIETNAM);
            IntFunction<HttpRequest> submission = k -> {
                int v = 1 + k % VILLAGES;
                long[] ids = peopleByVillage.get(v);
                long person = ids[Math.floorMod(k * 31 + (int) System.nanoTime(), ids.length)];
                Map<String, Object> entry = Map.of("clientId", UUID.randomUUID().toString(), "givenOn", today.toString(),
                        "place", "HOME", "minutes", 15, "outcome", "DONE", "topics", List.of("VNEID", "CASHLESS"),
                        "people", List.of(Map.of("personId", person)));
                return HttpRequest.newBuilder(URI.create(base + "/api/v1/guidance"))
                        .header("Authorization", "Bearer " + tokens.get(v - 1)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(entry))).build();
            };
            IntFunction<HttpRequest> ceiling = k -> HttpRequest.newBuilder(URI.create(base + "/css/bench-ceiling.json")).GET().build();
            closedLoop("warm-up: submissions", clients, 5, submission, 201);
            closedLoop("warm-up: ceiling", clients, 3, ceiling, 200);
            double[] subs = closedLoop("submissions", clients, seconds, submission, 201);
            double[] ceil = closedLoop("ceiling", clients, seconds, ceiling, 200);
            return new double[]{subs[0], subs[1], subs[2], subs[3], ceil[0]};
        }

        /** Each client sends its next request as soon as the last one is answered; returns rate, p50, p99, errors. */
        double[] closedLoop(String label, int clients, int seconds, IntFunction<HttpRequest> next, int ok) throws Exception {
            LongAdder done = new LongAdder();
            LongAdder errors = new LongAdder();
            Stats latency = new Stats();
            AtomicBoolean stop = new AtomicBoolean();
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    pool.execute(() -> {
                        int k = client;
                        Stats mine = new Stats();
                        while (!stop.get()) {
                            long t0 = System.nanoTime();
                            try {
                                HttpResponse<String> r = this.client.send(next.apply(k), HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() == ok) {
                                    done.increment();
                                    mine.add(System.nanoTime() - t0);
                                } else {
                                    errors.increment();
                                    if (errors.sum() < 3) {
                                        System.out.println("error   " + r.statusCode() + " " + r.body());
                                    }
                                }
                            } catch (Exception e) {
                                errors.increment();
                            }
                            k += clients;
                        }
                        synchronized (latency) {
                            latency.addAll(mine);
                        }
                    });
                }
                Thread.sleep(seconds * 1000L);
                stop.set(true);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double rate = done.sum() / elapsed;
            System.out.printf(Locale.ROOT, "load    %-22s %,8d in %.1f s = %,7.0f/s; p50 %.1f ms, p99 %.1f ms; %d errors%n",
                    label, done.sum(), elapsed, rate, latency.pct(50), latency.pct(99), errors.sum());
            return new double[]{rate, latency.pct(50), latency.pct(99), errors.sum()};
        }

        // ---- 3. a phone's queue of 500 entries in one request ----

        double[] sync(int rounds) throws Exception {
            LocalDate today = LocalDate.now(VIETNAM);
            SplittableRandom rnd = new SplittableRandom(11);
            Stats took = new Stats();
            long added = 0;
            for (int round = 0; round < rounds + 1; round++) {
                int v = 1 + round % VILLAGES;
                List<Map<String, Object>> queue = queue(v, today, rnd);
                long before = scalar("SELECT COUNT(*) FROM guidance_session");
                long t0 = System.nanoTime();
                JsonNode r = post("/api/v1/guidance/sync", tokens.get(v - 1), Map.of("entries", queue));
                long t = System.nanoTime() - t0;
                if (r.get("recorded").asInt() != 500) {
                    throw new IllegalStateException("sync recorded " + r.get("recorded") + ": " + r.get("results").get(0));
                }
                if (round > 0) { // the first round warms up
                    took.add(t);
                }
                JsonNode again = post("/api/v1/guidance/sync", tokens.get(v - 1), Map.of("entries", queue));
                long after = scalar("SELECT COUNT(*) FROM guidance_session");
                added += after - before - 500;
                if (again.get("alreadyRecorded").asInt() != 500) {
                    throw new IllegalStateException("resent queue: " + again.get("recorded") + " recorded again");
                }
            }
            // baseline: the same kind of queue, one request per entry
            int v = 1;
            List<Map<String, Object>> queue = queue(v, today, rnd);
            long t0 = System.nanoTime();
            for (Map<String, Object> e : queue) {
                post("/api/v1/guidance", tokens.get(v - 1), e);
            }
            double oneByOne = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "sync    500 entries in one request: p50 %.0f ms, max %.0f ms (%d rounds); "
                    + "one by one %.0f ms; resending each queue added %d%n", took.pct(50), took.max(), rounds, oneByOne, added);
            return new double[]{took.pct(50), took.max(), oneByOne, added};
        }

        /** A day's round from the phone: names and birth years as typed, a few not in the registry, some batches. */
        List<Map<String, Object>> queue(int village, LocalDate today, SplittableRandom rnd) {
            List<String[]> names = namesByVillage.get(village);
            List<Map<String, Object>> queue = new ArrayList<>(500);
            for (int i = 0; i < 500; i++) {
                int n = rnd.nextInt(10) == 0 ? 2 + rnd.nextInt(4) : 1;
                List<Map<String, Object>> people = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    if (rnd.nextInt(20) == 0) {
                        people.add(Map.of("fullName", "Khách Chưa Đăng Ký " + rnd.nextInt(1000), "birthYear", 1950 + rnd.nextInt(40)));
                    } else {
                        String[] p = names.get(rnd.nextInt(names.size()));
                        people.add(Map.of("fullName", p[0], "birthYear", Integer.parseInt(p[1])));
                    }
                }
                queue.add(Map.of("clientId", UUID.randomUUID().toString(), "givenOn", today.minusDays(rnd.nextInt(14)).toString(),
                        "place", n > 1 ? "CLASS" : "HOME", "minutes", 10 + rnd.nextInt(50), "outcome", "DONE",
                        "topics", List.of("VNEID"), "people", people));
            }
            return queue;
        }

        // ---- helpers ----

        String login(String username) throws Exception {
            return post("/api/v1/auth/login", null, Map.of("username", username, "password", PASSWORD)).get("token").asText();
        }

        JsonNode post(String path, String token, Object body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        }

        long scalar(String sql) throws Exception {
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        static void expectDone(ImportJob job) {
            if (job.status() != ImportJob.Status.DONE) {
                throw new IllegalStateException("import ended " + job.status() + ": " + job.message());
            }
        }
    }

    /** Bytes of one exchange as the browser counted them: request headers and body, response headers and body. */
    static long size(Request r) {
        var s = r.sizes();
        return s.requestHeadersSize + s.requestBodySize + s.responseHeadersSize + s.responseBodySize;
    }
}

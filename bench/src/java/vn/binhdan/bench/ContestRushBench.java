package vn.binhdan.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.binhdan.contest.CollectiveBasis;
import vn.binhdan.contest.Contest;
import vn.binhdan.contest.ContestForm;
import vn.binhdan.contest.Contests;
import vn.binhdan.contest.Counts;
import vn.binhdan.contest.DrawLine;
import vn.binhdan.contest.Round;
import vn.binhdan.contest.RoundForm;
import vn.binhdan.identity.AccountService;
import vn.binhdan.identity.AccountService.GrantSpec;
import vn.binhdan.identity.internal.TokenService;
import vn.binhdan.importing.ImportService;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.SystemUser;

/**
 * The contest's rush (issue 18's first figure): N contestants start the same open round within a
 * window (20,000 in 60 s: 333 starts per second), each then autosaves every question, one every
 * {@code saveEvery} ms, and submits with a prediction, each on its own kept-alive connection. Beside it, measured first in the same run
 * by the same generator at the same rate, the baseline: an authenticated GET of a static file of
 * the same server, which costs the platform nothing but HTTP, security filters and a socket.
 * Printed: p50/p99/max of starts, saves and submits, errors, the ratio of each p99 to the
 * baseline's, and whether every acknowledged answer is stored.
 *
 * <pre>
 * ./mvnw -B -q -Pbench -DbuildDir=target-bench -DskipTests test-compile exec:exec \
 *     -Dbench.main=vn.binhdan.bench.ContestRushBench -Dbench.args="20000 60 3000 10"
 * </pre>
 * Arguments: contestants, start window in seconds, milliseconds between a contestant's saves (each
 * contestant's own pace drawn between half and one and a half times it), saves per contestant
 * before the submit (default every question).
 */
public final class ContestRushBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Requests in flight at once. */
    private static final Semaphore INFLIGHT = new Semaphore(1000);
    private static int SAVES = Integer.MAX_VALUE;

    private ContestRushBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int saveEvery = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        // how many of the round's questions each contestant answers before submitting (default all)
        SAVES = args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
        Path work = Files.createTempDirectory("binhdan-rush-bench");
        System.out.printf(Locale.ROOT, "machine %d cores, JDK %s, max heap %d MB; load average %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
                Files.readString(Path.of("/proc/loadavg")).trim());
        try (EmbeddedPostgres pg = Harness.startPostgres(work, null, Map.of(), null)) {
            ConfigurableApplicationContext ctx = Harness.startApp(Harness.url(pg), work);
            try {
                run(ctx, n, window, saveEvery);
            } finally {
                ctx.close();
            }
        } finally {
            Harness.deleteTree(work);
        }
    }

    private static void run(ConfigurableApplicationContext ctx, int n, int window, int saveEvery) throws Exception {
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
        // the warm-up contestants are other people in another contest: a province's server has served
        // earlier weekly rounds before this one, so its contest code is compiled, as it is after these
        int warmers = Math.min(2000, n / 5);
        String[] all = setUp(ctx, n + warmers);
        String[] tokens = java.util.Arrays.copyOfRange(all, 0, n);
        String[] warmTokens = java.util.Arrays.copyOfRange(all, n, n + warmers);
        long warmRound = round(ctx, "Vòng trước");
        long round = round(ctx, "Vòng rush");
        System.out.printf(Locale.ROOT, "load    %,d contestants over %d s (%.0f starts/s), a save every %d ms (each "
                + "contestant's pace 0.5–1.5 times it), then a submit%n", n, window, n / (double) window, saveEvery);

        // warm-up: a few hundred requests of each kind on other people's accounts would enter them too,
        // so the warm-up is the static GET and a few starts by the last contestants, left out of the figure
        int warm = Math.min(200, n / 10);
        Stats baseline = new Stats();
        AtomicLong baselineErrors = new AtomicLong();
        // the baseline uses the warm-up people's tokens: with the contestants' own, their accounts would
        // be read and cached before the rush, and their starts spared the read a phone's first request costs
        openLoop(warm, 5, i -> get(port, warmTokens[i % warmers], new Stats(), new AtomicLong()));
        long w0 = System.nanoTime();
        AtomicLong warmErrors = new AtomicLong();
        openLoop(warmers, 20, i -> contestant(port, warmTokens[i], warmRound, 1000, new Stats(), new Stats(), new Stats(),
                warmErrors, new AtomicLong()));
        System.out.printf(Locale.ROOT, "warm-up %,d contestants through a previous round in %.1f s, %d errors%n", warmers,
                (System.nanoTime() - w0) / 1e9, warmErrors.get());
        openLoop(n, window, i -> get(port, warmTokens[i % warmers], baseline, baselineErrors));

        Stats starts = new Stats();
        Stats saves = new Stats();
        Stats submits = new Stats();
        AtomicLong errors = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        long t0 = System.nanoTime();
        openLoop(n, window, i -> contestant(port, tokens[i], round, saveEvery, starts, saves, submits, errors,
                acknowledged));
        double seconds = (System.nanoTime() - t0) / 1e9;

        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM contest_answer a JOIN contest_entry e ON e.id = a.entry_id "
                + "WHERE e.round_id = ?", Long.class, round);
        long submitted = jdbc.queryForObject("SELECT COUNT(*) FROM contest_entry WHERE round_id = ? AND finished_how = 'SUBMITTED'",
                Long.class, round);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-34s %8s %8s %8s %8s %8s %10s%n", "", "count", "errors", "p50 ms", "p99 ms",
                "max ms", "p99/base");
        line("baseline: GET static file (auth)", baseline, baselineErrors.get(), baseline.pct(99));
        line("start  POST …/entries", starts, -1, baseline.pct(99));
        line("save   PUT …/items/{p}", saves, -1, baseline.pct(99));
        line("submit POST …/submit", submits, -1, baseline.pct(99));
        System.out.printf(Locale.ROOT, "errors  %d (any non-2xx or exception in start, save or submit)%n", errors.get());
        System.out.printf(Locale.ROOT, "stored  %,d acknowledged answers, %,d answers stored (%s); %,d entries submitted%n",
                acknowledged.get(), stored, stored >= acknowledged.get() ? "every acknowledged answer stored" : "ANSWERS LOST",
                submitted);
        System.out.printf(Locale.ROOT, "rush    took %.1f s from the first start to the last submit%n", seconds);
    }

    private static void line(String label, Stats s, long errors, double base) {
        System.out.printf(Locale.ROOT, "%-34s %8d %8s %8.1f %8.1f %8.1f %10.1f%n", label, s.count(),
                errors < 0 ? "" : Long.toString(errors), s.pct(50), s.pct(99), s.max(), s.pct(99) / base);
    }

    interface Task {
        void run(int i) throws Exception;
    }

    /** Task i begins at i × window / n seconds after the first, whether or not earlier ones are done. */
    private static void openLoop(int n, int window, Task task) throws Exception {
        long start = System.nanoTime();
        long step = Duration.ofSeconds(window).toNanos() / n;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> fs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long due = start + i * step;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                int k = i;
                fs.add(pool.submit(() -> {
                    task.run(k);
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
    }

    private static void get(int port, String token, Stats stats, AtomicLong errors) {
        try (RawHttp phone = new RawHttp("127.0.0.1", port)) {
            timed(phone, "GET", "/css/app.css", token, null, stats, errors);
        }
    }

    private static RawHttp.Response timed(RawHttp phone, String method, String path, String token, String json,
                                          Stats stats, AtomicLong errors) {
        try {
            INFLIGHT.acquire();
            try {
                long t = System.nanoTime();
                RawHttp.Response resp = phone.send(method, path, token, json);
                long took = System.nanoTime() - t;
                if (resp.status() / 100 != 2) {
                    errors.incrementAndGet();
                    if (errors.get() <= 5) {
                        System.out.println("error   " + method + " " + path + ": " + resp.status() + " "
                                + resp.body().substring(0, Math.min(200, resp.body().length())));
                    }
                    return null;
                }
                synchronized (stats) {
                    stats.add(took);
                }
                return resp;
            } finally {
                INFLIGHT.release();
            }
        } catch (Exception e) {
            errors.incrementAndGet();
            if (errors.get() <= 5) {
                System.out.println("error   " + method + " " + path + ": " + e);
            }
            return null;
        }
    }

    private static void contestant(int port, String token, long round, int saveEvery, Stats starts, Stats saves,
                                   Stats submits, AtomicLong errors, AtomicLong acknowledged) throws Exception {
        try (RawHttp phone = new RawHttp("127.0.0.1", port)) {
            RawHttp.Response started = timed(phone, "POST", "/api/v1/contest-rounds/" + round + "/entries", token, null,
                    starts, errors);
            if (started == null) {
                return;
            }
            // only what the answers need is kept: 20,000 parsed forms waiting minutes in the same heap as
            // the server made the collector's pauses the server's
            JsonNode form = JSON.readTree(started.body());
            String entry = form.get("entryId").asString();
            int n = form.get("items").size();
            int[] positions = new int[n];
            String[] choices = new String[n];
            for (int k = 0; k < n; k++) {
                JsonNode item = form.get("items").get(k);
                positions[k] = item.get("position").asInt();
                choices[k] = "ORDERING".equals(item.get("type").asString()) ? orderAll(item.get("options").size()) : "[0]";
            }
            form = null;
            started = null;
            // people answer at their own pace: each one's gap between answers is drawn between half and
            // one and a half times the given one, so the submits spread as they do in a real round
            long gap = Math.round(saveEvery * (0.5 + java.util.concurrent.ThreadLocalRandom.current().nextDouble()));
            for (int k = 0; k < n && k < SAVES; k++) {
                if (gap > 5_000) {
                    // a phone does not hold a connection through half a minute of reading: the next
                    // answer comes on a new one (else 20,000 idle sockets would fill the server's table)
                    phone.close();
                }
                Thread.sleep(gap);
                if (timed(phone, "PUT", "/api/v1/me/contest-entries/" + entry + "/items/" + positions[k], token,
                        "{\"choice\":" + choices[k] + "}", saves, errors) != null) {
                    acknowledged.incrementAndGet();
                }
            }
            timed(phone, "POST", "/api/v1/me/contest-entries/" + entry + "/submit", token, "{\"prediction\":1234}",
                    submits, errors);
        }
    }

    private static String orderAll(int options) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < options; i++) {
            s.append(i == 0 ? "" : ",").append(i);
        }
        return s.append(']').toString();
    }

    /** A province of one ward, N adult residents with a learner account each and a token each. */
    private static String[] setUp(ConfigurableApplicationContext ctx, int n) throws Exception {
        long t = System.nanoTime();
        ImportService imports = ctx.getBean(ImportService.class);
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        AccountService accounts = ctx.getBean(AccountService.class);
        TokenService tokenService = ctx.getBean(TokenService.class);
        String units = "code,name,type,parent_code\n66,Tỉnh Đắk Lắk,tỉnh,\n"
                + "24133,Phường Buôn Ma Thuột,phường,66\n24133.01,Tổ dân phố 1,tổ dân phố,24133\n";
        StringBuilder persons = new StringBuilder("Họ và tên,Ngày sinh,Giới tính,Số CCCD,Mã đơn vị\n");
        for (int i = 0; i < n; i++) {
            persons.append("Dự Thi ").append(i).append(",01/01/1980,").append(i % 2 == 0 ? "Nam" : "Nữ")
                    .append(String.format(Locale.ROOT, ",066%d80%06d,24133.01%n", i % 2, i));
        }
        SystemUser.run(SystemUser.SYSTEM, () -> {
            imports.runNow("UNIT", "units.csv", new java.io.ByteArrayInputStream(units.getBytes(StandardCharsets.UTF_8)), null);
            imports.runNow("PERSON", "persons.csv",
                    new java.io.ByteArrayInputStream(persons.toString().getBytes(StandardCharsets.UTF_8)), null);
        });
        long unit = jdbc.queryForObject("SELECT id FROM unit WHERE code = '24133.01'", Long.class);
        long[] personOf = new long[n];
        jdbc.query("SELECT id, full_name FROM person WHERE full_name LIKE 'Dự Thi %'", rs -> {
            personOf[Integer.parseInt(rs.getString(2).substring("Dự Thi ".length()))] = rs.getLong(1);
        });
        long[] accountOf = new long[n];
        int threads = 4;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> fs = new ArrayList<>();
            int chunk = (n + threads - 1) / threads;
            for (int from = 0; from < n; from += chunk) {
                int f = from;
                int to = Math.min(n, from + chunk);
                // no password, as accounts made at a VNeID login: no bcrypt for tens of thousands
                fs.add(pool.submit(() -> SystemUser.run(SystemUser.SYSTEM, () -> {
                    for (int i = f; i < to; i++) {
                        accountOf[i] = accounts.create("rush" + i, "Dự Thi " + i, null, personOf[i],
                                List.of(new GrantSpec(Role.LEARNER, unit)));
                    }
                })));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        String[] tokens = new String[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = tokenService.issue(accounts.load(accountOf[i]).orElseThrow());
        }
        System.out.printf(Locale.ROOT, "setup   %,d residents, accounts and tokens in %.1f s%n", n, (System.nanoTime() - t) / 1e9);
        return tokens;
    }

    private static long round(ConfigurableApplicationContext ctx, String title) {
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        Contests contests = ctx.getBean(Contests.class);
        long province = jdbc.queryForObject("SELECT id FROM unit WHERE code = '66'", Long.class);
        Instant now = Instant.now();
        return SystemUser.call(SystemUser.SYSTEM, () -> {
            Contest c = contests.create(new ContestForm(province, title, null, "Bench", 10, CollectiveBasis.PARTICIPANTS, 3));
            Round r = contests.addRound(c.id(), new RoundForm(title, now.minusSeconds(60), now.plusSeconds(7200), 30,
                    1, Counts.BEST, 10,
                    List.of(new DrawLine("1", null, 4), new DrawLine("2", null, 3), new DrawLine("4", null, 3)), null));
            return r.id();
        });
    }
}

package vn.binhdan.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.binhdan.importing.ImportService;
import vn.binhdan.learning.LearningService;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.Grant;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.SystemUser;

/**
 * The learning issue's figures: the bytes a phone downloads for the heaviest starter lesson
 * (cold cache), and lesson-page throughput with progress recording on PostgreSQL at N
 * concurrent signed-in learners, beside the same server's static-file throughput (the ceiling)
 * measured in the same run.
 *
 * <pre>./mvnw -Pbench -DbuildDir=target-bench -DskipTests test-compile exec:exec \
 *     -Dbench.main=vn.binhdan.bench.LearningBench -Dbench.args="500 20"</pre>
 * Arguments: concurrent learners (default 500), seconds per measurement (default 20).
 */
public final class LearningBench {

    static final String COURSE = "KNS-NGUOI-DAN";
    static final String PASSWORD = "bench-password-1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Path STATIC_DIR;

    private LearningBench() {
    }

    public static void main(String[] args) throws Exception {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path work = Files.createTempDirectory("binhdan-learning-bench");
        System.out.printf("machine %d cores, JDK %s; %d learners, %d s per measurement (after %d s warm-up)%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), learners, seconds, Math.max(3, seconds / 4));
        // the ceiling: the same lesson page, saved once rendered, served as a static file by the same server
        Path staticDir = Files.createDirectories(work.resolve("static"));
        System.setProperty("spring.web.resources.static-locations",
                "classpath:/static/,file:" + staticDir.toAbsolutePath() + "/");
        STATIC_DIR = staticDir;
        try (EmbeddedPostgres pg = Harness.startPostgres(work, null, Map.of(), null)) {
            ConfigurableApplicationContext ctx = Harness.startApp(Harness.url(pg), work);
            try {
                run(ctx, learners, seconds);
            } finally {
                ctx.close();
            }
        } finally {
            Harness.deleteTree(work);
        }
    }

    private static void run(ConfigurableApplicationContext ctx, int learners, int seconds) throws Exception {
        String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        List<String> lessons = jdbc.sql("""
                SELECT l.code FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.code = ? ORDER BY l.position""")
                .param(COURSE).query(String.class).list();

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

        // 1. page weight: the heaviest lesson of the starter course, as a phone with an empty cache fetches it
        String heaviest = jdbc.sql("""
                SELECT l.code FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.code = ?
                ORDER BY LENGTH(l.body) DESC LIMIT 1""").param(COURSE).query(String.class).single();
        List<Long> people = setUp(ctx, jdbc, learners);
        List<String> sessions = signIn(client, base, learners);
        pageWeight(client, base, sessions.getFirst(), heaviest);

        // 2. throughput: every learner reads lessons of the course in turn; each view records progress
        String staticPath = "/bench-lesson.html";
        HttpResponse<byte[]> rendered = client.send(HttpRequest.newBuilder(URI.create(base + "/learn/" + COURSE + "/"
                + lessons.getFirst())).header("Cookie", sessions.getFirst()).build(), HttpResponse.BodyHandlers.ofByteArray());
        Files.write(STATIC_DIR.resolve("bench-lesson.html"), rendered.body());
        Result file = load(client, base, sessions, seconds, (i, n) -> "/css/app.css");
        Result ceiling = load(client, base, sessions, seconds, (i, n) -> staticPath);
        String jfr = System.getProperty("bench.jfr", System.getenv("BENCH_JFR"));
        jdk.jfr.Recording recording = null;
        if (jfr != null) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.setDestination(Path.of(jfr));
            recording.start();
        }
        Result lessonViews = load(client, base, sessions, seconds,
                (i, n) -> "/learn/" + COURSE + "/" + lessons.get((int) ((i + n) % lessons.size())));
        // latency as learners meet it: each reads for a second before the next page (real ones read for minutes)
        Result reading = load(client, base, sessions, seconds,
                (i, n) -> "/learn/" + COURSE + "/" + lessons.get((int) ((i + n) % lessons.size())), 1000);
        if (recording != null) {
            recording.stop();
            recording.close();
            System.out.println("profile of the lesson views: " + jfr + " (jfr view hot-methods " + jfr + ")");
        }
        long recorded = jdbc.sql("SELECT COUNT(*) FROM lesson_progress lp JOIN course c ON c.id = lp.course_id WHERE c.code = ?")
                .param(COURSE).query(Long.class).single();
        System.out.println();
        System.out.println("| figure | measured | baseline in the same run | ratio | target |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| lesson page with progress recording, %d learners | %.0f req/s (p50 %.1f ms, p99 %.1f ms, errors %d) "
                        + "| the same page as a static file (%s) %.0f req/s (p99 %.1f ms) | **%.2f** | ratio ≥ 0.4, p99 < 100 ms |%n",
                learners, lessonViews.rps(), lessonViews.stats().pct(50), lessonViews.stats().pct(99), lessonViews.errors(),
                staticPath, ceiling.rps(), ceiling.stats().pct(99), lessonViews.rps() / ceiling.rps());
        System.out.printf(Locale.ROOT, "| lesson page latency, %d learners each opening a page every second | p50 %.1f ms, p95 %.1f ms, p99 %.1f ms at %.0f req/s (errors %d) | — | — | p99 < 100 ms |%n",
                learners, reading.stats().pct(50), reading.stats().pct(95), reading.stats().pct(99), reading.rps(),
                reading.errors());
        System.out.printf(Locale.ROOT, "also: static /css/app.css %.0f req/s (p99 %.1f ms); the static copy of the lesson page is %d bytes%n",
                file.rps(), file.stats().pct(99), rendered.body().length);
        System.out.printf("progress rows for the course after the run: %d (%d learners × %d lessons)%n", recorded,
                people.size(), lessons.size());
    }

    /** Persons, accounts and enrolments for the learners, through the platform's own services. */
    private static List<Long> setUp(ConfigurableApplicationContext ctx, JdbcClient jdbc, int learners) {
        ImportService imports = ctx.getBean(ImportService.class);
        StringBuilder units = new StringBuilder("code,name,type,parent_code\n66,Tỉnh Đắk Lắk,tỉnh,\n")
                .append("24133,Phường Buôn Ma Thuột,phường,66\n24133.01,Tổ dân phố 1,tổ dân phố,24133\n");
        StringBuilder persons = new StringBuilder("Họ và tên,Ngày sinh,Giới tính,Số CCCD,Mã đơn vị\n");
        for (int i = 0; i < learners; i++) {
            persons.append("Học Viên ").append(i).append(",01/01/1980,").append(i % 2 == 0 ? "Nam" : "Nữ")
                    .append(String.format(Locale.ROOT, ",066%d80%06d,24133.01%n", i % 2, i));
        }
        SystemUser.run(SystemUser.SYSTEM, () -> {
            imports.runNow("UNIT", "units.csv", new java.io.ByteArrayInputStream(
                    units.toString().getBytes(StandardCharsets.UTF_8)), null);
            imports.runNow("PERSON", "persons.csv", new java.io.ByteArrayInputStream(
                    persons.toString().getBytes(StandardCharsets.UTF_8)), null);
        });
        long unit = jdbc.sql("SELECT id FROM unit WHERE code = '24133.01'").query(Long.class).single();
        String unitPath = jdbc.sql("SELECT path FROM unit WHERE id = ?").param(unit).query(String.class).single();
        List<Long> people = jdbc.sql("SELECT id FROM person WHERE full_name LIKE 'Học Viên %' ORDER BY id")
                .query(Long.class).list();
        // one bcrypt hash for all: the bench measures lessons, not 500 password hashings
        String hash = ctx.getBean(PasswordEncoder.class).encode(PASSWORD);
        LearningService learning = ctx.getBean(LearningService.class);
        for (int i = 0; i < people.size(); i++) {
            long personId = people.get(i);
            jdbc.sql("INSERT INTO account (username, display_name, password_hash, person_id) VALUES (?, ?, ?, ?)")
                    .params("hv" + i, "Học Viên " + i, hash, personId).update();
            long accountId = jdbc.sql("SELECT id FROM account WHERE username = ?").param("hv" + i).query(Long.class).single();
            jdbc.sql("INSERT INTO role_grant (account_id, role, unit_id) VALUES (?, 'LEARNER', ?)").params(accountId, unit)
                    .update();
            AppUser user = new AppUser(accountId, "hv" + i, "Học Viên " + i, personId,
                    List.of(new Grant(Role.LEARNER, unit, unitPath)));
            // every lesson completed once, so that all of them open and views update existing progress
            SystemUser.run(user, () -> {
                learning.enrolSelf(COURSE);
                for (String lesson : jdbc.sql("""
                        SELECT l.code FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.code = ? ORDER BY l.position""")
                        .param(COURSE).query(String.class).list()) {
                    learning.open(COURSE, lesson);
                    List<Set<Integer>> right = rightAnswers(jdbc, lesson);
                    if (right.isEmpty()) {
                        learning.completeByReading(COURSE, lesson);
                    } else {
                        learning.answer(COURSE, lesson, right);
                    }
                }
            });
        }
        return people;
    }

    private static List<Set<Integer>> rightAnswers(JdbcClient jdbc, String lesson) {
        String checks = jdbc.sql("SELECT l.checks FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.code = ? AND l.code = ?")
                .params(COURSE, lesson).query(String.class).single();
        List<Set<Integer>> out = new ArrayList<>();
        for (JsonNode c : JSON.readTree(checks)) {
            Set<Integer> s = new java.util.HashSet<>();
            c.get("correct").forEach(x -> s.add(x.asInt()));
            out.add(s);
        }
        return out;
    }

    /** Signs every learner in through the login form, as a browser does; returns their session cookies. */
    private static List<String> signIn(HttpClient client, String base, int learners) throws Exception {
        String[] sessions = new String[learners];
        Pattern csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < learners; i++) {
                int n = i;
                pool.submit(() -> {
                    HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    Matcher m = csrf.matcher(login.body());
                    if (!m.find()) {
                        throw new IllegalStateException("no CSRF token on the login page");
                    }
                    String form = "username=hv" + n + "&password=" + PASSWORD + "&_csrf=" + m.group(1);
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Cookie", cookie(login))
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
                        throw new IllegalStateException("login hv" + n + " failed: " + r.statusCode());
                    }
                    sessions[n] = cookie(r);
                    return null;
                });
            }
        }
        for (String s : sessions) {
            if (s == null) {
                throw new IllegalStateException("not every learner could sign in");
            }
        }
        return List.of(sessions);
    }

    private static String cookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie"));
    }

    private static void pageWeight(HttpClient client, String base, String session, String lesson) throws Exception {
        String path = "/learn/" + COURSE + "/" + lesson;
        HttpResponse<byte[]> page = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", session).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        String html = new String(gunzipIfNeeded(page), StandardCharsets.UTF_8);
        long total = page.body().length;
        System.out.printf("weight  %s: HTML %d bytes on the wire (%s, %d bytes uncompressed)%n", path, page.body().length,
                page.headers().firstValue("Content-Encoding").orElse("identity"), html.length());
        long images = 0;
        for (String asset : assets(html)) {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + resolve(path, asset)))
                    .header("Cookie", session).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            boolean image = asset.matches(".*\\.(svg|png|jpe?g|gif|webp)$");
            System.out.printf("weight  %-45s %6d bytes (%s)%s%n", asset, r.body().length,
                    r.headers().firstValue("Content-Encoding").orElse("identity"), image ? " lazy image" : "");
            if (image) {
                images += r.body().length;
            } else {
                total += r.body().length;
            }
        }
        System.out.printf(Locale.ROOT, "| heaviest starter lesson (%s), cold cache | %.1f KB HTML+CSS+JS; %.1f KB with its lazy images | — | — | ≤ 100 KB |%n",
                lesson, total / 1024.0, (total + images) / 1024.0);
    }

    private static byte[] gunzipIfNeeded(HttpResponse<byte[]> r) throws Exception {
        if (!"gzip".equals(r.headers().firstValue("Content-Encoding").orElse(""))) {
            return r.body();
        }
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body()))) {
            return in.readAllBytes();
        }
    }

    private static List<String> assets(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<(?:link[^>]+href|script[^>]+src|img[^>]+src)=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            if (!m.group(1).startsWith("http")) {
                out.add(m.group(1).replace("&amp;", "&"));
            }
        }
        return out;
    }

    private static String resolve(String page, String asset) {
        return asset.startsWith("/") ? asset : page.substring(0, page.lastIndexOf('/') + 1) + asset;
    }

    record Result(double rps, Stats stats, long errors) {
    }

    interface PathFor {
        String path(int learner, long iteration);
    }

    /** Closed loop: each learner sends its next request as soon as the last one is answered. */
    private static Result load(HttpClient client, String base, List<String> sessions, int seconds, PathFor paths)
            throws InterruptedException {
        return load(client, base, sessions, seconds, paths, 0);
    }

    /**
     * Closed loop: each learner sends its next request when the last one is answered, after
     * {@code thinkMillis} of reading (0: at once, which measures the server's capacity).
     */
    private static Result load(HttpClient client, String base, List<String> sessions, int seconds, PathFor paths,
                               long thinkMillis) throws InterruptedException {
        int warmup = Math.max(3, seconds / 4);
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        long[][] perLearner = new long[sessions.size()][];
        int[] counts = new int[sessions.size()];
        CountDownLatch done = new CountDownLatch(sessions.size());
        for (int i = 0; i < sessions.size(); i++) {
            int n = i;
            perLearner[n] = new long[256];
            Thread.ofVirtual().start(() -> {
                try {
                    long k = 0;
                    if (thinkMillis > 0) {
                        // spread the learners over the first reading interval rather than all at once
                        Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(thinkMillis));
                    }
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        HttpRequest req = HttpRequest.newBuilder(URI.create(base + paths.path(n, k++)))
                                .header("Cookie", sessions.get(n)).header("Accept-Encoding", "gzip")
                                .timeout(Duration.ofSeconds(30)).build();
                        int status;
                        try {
                            status = client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        long t1 = System.nanoTime();
                        if (thinkMillis > 0) {
                            Thread.sleep(thinkMillis);
                        }
                        if (t0 >= measureFrom && t1 <= end) {
                            if (status == 200) {
                                if (counts[n] == perLearner[n].length) {
                                    perLearner[n] = java.util.Arrays.copyOf(perLearner[n], counts[n] * 2);
                                }
                                perLearner[n][counts[n]++] = t1 - t0;
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        Stats all = new Stats();
        for (int i = 0; i < perLearner.length; i++) {
            for (int j = 0; j < counts[i]; j++) {
                all.add(perLearner[i][j]);
            }
        }
        return new Result(all.count() / (double) seconds, all, errors.get());
    }
}

package vn.binhdan.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.binhdan.identity.AccountService;
import vn.binhdan.identity.AccountService.GrantSpec;
import vn.binhdan.identity.internal.TokenService;
import vn.binhdan.importing.ImportJob;
import vn.binhdan.importing.ImportService;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.SystemUser;

/**
 * The exam issue's figure: N simultaneous exam takers, each saving one answer every 10 s
 * through {@code PUT /api/v1/me/exam-attempts/{id}/items/{position}} and submitting at the end,
 * on PostgreSQL with {@code fsync=on} and {@code synchronous_commit=on}; beside the bare HTTP
 * ceiling of the same server (a static file, same open-loop generator, same rate) measured in
 * the same run; the breaking point (takers at which autosave p99 passes 200 ms); and whether
 * every acknowledged answer is in PostgreSQL, also after an immediate (crash) restart of it.
 *
 * <p>Open loop: each taker's requests are due at fixed times (the takers' offsets spread evenly
 * over one 10 s period), each latency is measured from the time the request was due, so a slow
 * answer delays nobody's schedule and is not hidden (no coordinated omission). One virtual
 * thread per taker, one shared {@link HttpClient} (HTTP/1.1). The load generator runs in the
 * same JVM as the platform, on the same two cores as PostgreSQL.
 *
 * <pre>./mvnw -Pbench -DbuildDir=target-bench2 -DskipTests test-compile exec:exec \
 *     -Dbench.main=vn.binhdan.bench.ExamBench -Dbench.args="10000 60"</pre>
 * Arguments: takers (default 10,000), seconds of measured autosaves (default 60), takers per
 * breaking-point level (default 2000,5000,10000,15000,20000). Options: see {@link #USAGE}.
 */
public final class ExamBench {

    static final String USAGE = """
            options: --warmup=S (autosaves before measuring, default 10) --level-seconds=S (measured per level, default 20)
              --start-window=S (the figure's starts spread over S s, default 60) --submit-window=S (default 60)
              --step-seconds=S (per ceiling ramp step, default 8) --timeout=S (request timeout, default 30)
              --pgconf=key=value (repeatable; fsync=on and synchronous_commit=on unless overridden)
              --warmup-takers=N (default 500) --connections=N (most requests in flight, default 1000)
              --jfr=FILE (profile of the figure's autosaves) --no-sweep --no-ceiling --no-crash --setup-threads=N (default 8)""";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long PERIOD = TimeUnit.SECONDS.toNanos(10);
    private static final double TARGET_MS = 200;
    private static final String PASSWORD = "bench-password-1";
    private static final String CEILING_PATH = "/css/bench-ceiling.json";
    /** Requests in flight at most (each holds one HTTP/1.1 connection): the client's and server's open files. */
    private static java.util.concurrent.Semaphore INFLIGHT = new java.util.concurrent.Semaphore(1000);
    private static int MAX_IN_FLIGHT = 1000;

    private ExamBench() {
    }

    // ---- options ------------------------------------------------------------------------------

    record Options(int takers, int seconds, int[] levels, int warmup, int levelSeconds, int startWindow,
                   int submitWindow, int stepSeconds, int timeout, Map<String, String> pgConf, boolean sweep,
                   boolean ceiling, boolean crash, int setupThreads, int warmupTakers, int connections, String jfr) {

        static Options parse(String[] args) {
            List<String> positional = new ArrayList<>();
            Map<String, String> pg = new LinkedHashMap<>();
            pg.put("fsync", "on");
            pg.put("synchronous_commit", "on");
            Map<String, String> o = new HashMap<>();
            for (String a : args) {
                if (a.startsWith("--pgconf=")) {
                    String kv = a.substring("--pgconf=".length());
                    pg.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                } else if (a.startsWith("--")) {
                    int eq = a.indexOf('=');
                    o.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
                } else {
                    positional.add(a);
                }
            }
            int takers = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 10_000;
            int seconds = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 60;
            int[] levels = Arrays.stream((positional.size() > 2 ? positional.get(2) : "2000,5000,10000,15000,20000")
                    .split(",")).mapToInt(Integer::parseInt).sorted().toArray();
            return new Options(takers, seconds, levels, Integer.parseInt(o.getOrDefault("warmup", "10")),
                    Integer.parseInt(o.getOrDefault("level-seconds", "20")),
                    Integer.parseInt(o.getOrDefault("start-window", "60")),
                    Integer.parseInt(o.getOrDefault("submit-window", "60")),
                    Integer.parseInt(o.getOrDefault("step-seconds", "8")),
                    Integer.parseInt(o.getOrDefault("timeout", "30")), pg, !o.containsKey("no-sweep"),
                    !o.containsKey("no-ceiling"), !o.containsKey("no-crash"),
                    Integer.parseInt(o.getOrDefault("setup-threads", "8")),
                    Integer.parseInt(o.getOrDefault("warmup-takers", "500")),
                    Integer.parseInt(o.getOrDefault("connections", "1000")), o.get("jfr"));
        }

        int maxTakers() {
            return sweep ? Math.max(takers, levels[levels.length - 1]) : takers;
        }
    }

    // ---- state of the takers -------------------------------------------------------------------

    static final class Taker {
        final int index;
        final long accountId;
        String token;
        Attempt attempt;
        String startBody;
        int startStatus;

        Taker(int index, long accountId) {
            this.index = index;
            this.accountId = accountId;
        }
    }

    /** One attempt as its taker sees it, with what the server acknowledged. */
    static final class Attempt {
        final String id;
        final String[] types;
        final int[] optionCounts;
        /** The choice (as the platform stores it) of the last save of each item answered 200, or null. */
        final String[] acked;
        /** A save of the item whose outcome is unknown (timeout, 5xx) came after the last acknowledged one. */
        final boolean[] unknown;
        int next;
        long acks;
        int submitStatus;

        Attempt(String id, String[] types, int[] optionCounts) {
            this.id = id;
            this.types = types;
            this.optionCounts = optionCounts;
            this.acked = new String[types.length];
            this.unknown = new boolean[types.length];
        }

        static Attempt of(String formJson) {
            JsonNode form = JSON.readTree(formJson);
            JsonNode items = form.get("items");
            String[] types = new String[items.size()];
            int[] counts = new int[items.size()];
            for (JsonNode item : items) {
                int p = item.get("position").asInt() - 1;
                types[p] = item.get("type").asString();
                counts[p] = item.get("options").size();
            }
            return new Attempt(form.get("attemptId").asString(), types, counts);
        }
    }

    /** A valid answer for an item of the type: the platform's stored form (sorted unless ordering). */
    static List<Integer> choice(String type, int options, ThreadLocalRandom r) {
        List<Integer> c = new ArrayList<>();
        switch (type) {
            case "MULTIPLE" -> {
                for (int i = 0; i < options; i++) {
                    if (r.nextBoolean()) {
                        c.add(i);
                    }
                }
                if (c.isEmpty()) {
                    c.add(r.nextInt(options));
                }
            }
            case "ORDERING" -> {
                for (int i = 0; i < options; i++) {
                    c.add(i);
                }
                java.util.Collections.shuffle(c, r);
            }
            default -> c.add(r.nextInt(options));
        }
        return c;
    }

    // ---- the open-loop generator --------------------------------------------------------------

    interface Action {
        /** Sends client's request of the round; answers the HTTP status (-1: no answer). */
        int send(int client, int round) throws Exception;
    }

    /** What one phase measured: latencies from the due time, statuses, CPU. */
    static final class Phase {
        final String label;
        final int expected;
        final long[] latency;
        final long[] dueAt;
        final AtomicInteger n = new AtomicInteger();
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final LongAdder notSent = new LongAdder();
        double seconds;
        long t0;
        Usage usage;

        Phase(String label, int expected, int capacity) {
            this.label = label;
            this.expected = expected;
            this.latency = new long[capacity];
            this.dueAt = new long[capacity];
        }

        void add(long due, long nanos, int status) {
            int i = n.getAndIncrement();
            latency[i] = nanos;
            dueAt[i] = due;
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        }

        int count() {
            return n.get();
        }

        long errors() {
            return statuses.entrySet().stream().filter(e -> e.getKey() != expected)
                    .mapToLong(e -> e.getValue().sum()).sum() + notSent.sum();
        }

        Stats stats() {
            Stats s = new Stats();
            for (int i = 0; i < n.get(); i++) {
                s.add(latency[i]);
            }
            return s;
        }

        double rate() {
            return count() / seconds;
        }

        boolean passes() {
            return errors() == 0 && count() > 0 && stats().pct(99) < TARGET_MS;
        }

        String statusText() {
            String s = new TreeMap<>(statuses).entrySet().stream()
                    .map(e -> (e.getKey() == -1 ? "no answer" : e.getKey()) + "×" + e.getValue().sum())
                    .collect(Collectors.joining(" "));
            return notSent.sum() > 0 ? s + " not sent×" + notSent.sum() : s;
        }

        String line() {
            Stats s = stats();
            return String.format(Locale.ROOT, "%-34s %8d req in %5.1f s = %7.0f/s  p50 %7.1f  p90 %7.1f  p99 %7.1f  max %7.1f ms  "
                            + "errors %d [%s]", label, count(), seconds, rate(), s.pct(50), s.pct(90), s.pct(99), s.max(),
                    errors(), statusText());
        }

        /** p99 per window of due times, to show when the latency grew. */
        String windows(long t0, long width) {
            Map<Long, Stats> by = new TreeMap<>();
            for (int i = 0; i < n.get(); i++) {
                by.computeIfAbsent((dueAt[i] - t0) / width, k -> new Stats()).add(latency[i]);
            }
            return by.entrySet().stream().map(e -> String.format(Locale.ROOT, "%ds:%d/p99 %.0f",
                    e.getKey() * width / 1_000_000_000L, e.getValue().count(), e.getValue().pct(99)))
                    .collect(Collectors.joining("  "));
        }
    }

    /**
     * {@code clients} each send one request per {@code period}, client c offset by c·period/clients;
     * rounds before {@code warmRounds} are sent but not measured. Requests not sent by
     * {@code stopAfter} past the last due time are counted as errors ("not sent").
     */
    static Phase openLoop(String label, int expected, int clients, long period, int warmRounds, int rounds,
                          long stopAfter, Action action) throws InterruptedException {
        Phase phase = new Phase(label, expected, clients * Math.max(0, rounds - warmRounds));
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        long last = t0 + (long) rounds * period;
        long hardStop = last + stopAfter;
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            long offset = (long) c * period / clients;
            Thread.ofVirtual().start(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        long due = t0 + offset + r * period;
                        long now = System.nanoTime();
                        if (now > hardStop) {
                            if (r >= warmRounds) {
                                phase.notSent.increment();
                            }
                            continue;
                        }
                        if (due > now) {
                            Thread.sleep(Duration.ofNanos(due - now));
                        }
                        int status;
                        INFLIGHT.acquire();
                        if (System.nanoTime() > hardStop) {
                            INFLIGHT.release();
                            if (r >= warmRounds) {
                                phase.notSent.increment();
                            }
                            continue;
                        }
                        try {
                            status = action.send(client, r);
                        } catch (Exception e) {
                            status = -1;
                        } finally {
                            INFLIGHT.release();
                        }
                        long end = System.nanoTime();
                        if (r >= warmRounds) {
                            phase.add(due, end - due, status);
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
        phase.seconds = (double) (rounds - warmRounds) * period / 1e9;
        phase.t0 = t0 + (long) warmRounds * period;
        return phase;
    }

    // ---- resource usage -----------------------------------------------------------------------

    /** CPU of the JVM (platform + load generator) and of PostgreSQL, the machine's busy time, GC. */
    record Usage(double seconds, double jvmCpu, double pgCpu, double machineBusy, double gcSeconds) {

        /** {@code pgData}: the data directory, whose postmaster.pid names the server (started through pg_ctl, not our child). */
        static Snapshot snapshot(Path pgData) {
            long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            long pgCpu = 0;
            try {
                long pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).getFirst().strip());
                ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
                pgCpu = cpuOf(postmaster) + postmaster.descendants().mapToLong(ExamBench::cpuOf).sum();
            } catch (Exception e) {
                pgCpu = 0;
            }
            long busy = 0;
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                for (int i = 1; i < f.length && i <= 8; i++) {
                    if (i != 4 && i != 5) { // idle, iowait
                        busy += Long.parseLong(f[i]);
                    }
                }
            } catch (Exception e) {
                busy = -1;
            }
            long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
            return new Snapshot(System.nanoTime(), jvm, pgCpu, busy, gc);
        }

        static Usage between(Snapshot a, Snapshot b) {
            return new Usage((b.nanos - a.nanos) / 1e9, (b.jvm - a.jvm) / 1e9, (b.pg - a.pg) / 1e9,
                    (b.busyTicks - a.busyTicks) / 100.0, (b.gcMillis - a.gcMillis) / 1e3);
        }

        String line(long requests) {
            double per = 1e3 / Math.max(1, requests);
            return String.format(Locale.ROOT, "cpu     over %.1f s: JVM (platform + load generator) %.2f cores = %.3f ms/request, "
                            + "PostgreSQL %.2f cores = %.3f ms/request, other processes %.2f cores; machine busy %.0f %% of %d cores; GC %.2f s",
                    seconds, jvmCpu / seconds, jvmCpu * per, pgCpu / seconds, pgCpu * per,
                    Math.max(0, machineBusy - jvmCpu - pgCpu) / seconds,
                    100 * machineBusy / seconds / Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors(), gcSeconds);
        }
    }

    record Snapshot(long nanos, long jvm, long pg, long busyTicks, long gcMillis) {
    }

    private static long cpuOf(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * Samples the heap and the requests in flight every 200 ms during a phase; the first time the heap
     * is over 85 % full after a collection, prints the JVM's class histogram (what fills it).
     */
    static final class HeapWatch {
        private final Thread thread;
        private volatile boolean running = true;
        private long peakUsed;
        private long peakAfterGc;
        private int peakInFlight;
        private static boolean histogramShown;

        private HeapWatch() {
            thread = Thread.ofPlatform().daemon().name("heap-watch").start(this::loop);
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        private void loop() {
            long max = Runtime.getRuntime().maxMemory();
            while (running) {
                long used = 0;
                long afterGc = 0;
                for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                        used += pool.getUsage().getUsed();
                        if (pool.getCollectionUsage() != null) {
                            afterGc += pool.getCollectionUsage().getUsed();
                        }
                    }
                }
                peakUsed = Math.max(peakUsed, used);
                peakAfterGc = Math.max(peakAfterGc, afterGc);
                peakInFlight = Math.max(peakInFlight, MAX_IN_FLIGHT - INFLIGHT.availablePermits());
                if (!histogramShown && afterGc > 0.85 * max) {
                    histogramShown = true;
                    histogram();
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        String line() {
            return String.format(Locale.ROOT, "heap    peak %d MB used, %d MB live after a collection (of %d MB); at most %d requests in flight",
                    peakUsed >> 20, peakAfterGc >> 20, Runtime.getRuntime().maxMemory() >> 20, peakInFlight);
        }

        private static void histogram() {
            try {
                Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                        new Object[] {null}, new String[] {String[].class.getName()});
                System.out.println("heap    over 85 % full after a collection, with "
                        + (MAX_IN_FLIGHT - INFLIGHT.availablePermits()) + " requests in flight; class histogram (top 25):");
                String[] lines = String.valueOf(out).split("\n");
                for (int i = 0; i < Math.min(28, lines.length); i++) {
                    System.out.println("        " + lines[i]);
                }
            } catch (Exception e) {
                System.out.println("heap    histogram failed: " + e);
            }
        }
    }

    // ---- main ---------------------------------------------------------------------------------

    public static void main(String[] args) throws Exception {
        // below Tomcat's keep-alive timeout (20 s), so the client never reuses a connection the server closed
        System.setProperty("jdk.httpclient.keepalive.timeout", "15");
        if (Arrays.asList(args).contains("--help")) {
            System.out.println("arguments: [takers] [seconds] [level,level,...]\n" + USAGE);
            return;
        }
        Options opt = Options.parse(args);
        INFLIGHT = new java.util.concurrent.Semaphore(opt.connections);
        MAX_IN_FLIGHT = opt.connections;
        Path work = Files.createTempDirectory("binhdan-exam-bench");
        Path staticDir = Files.createDirectories(work.resolve("static").resolve("css"));
        System.setProperty("spring.web.resources.static-locations",
                "classpath:/static/,file:" + work.resolve("static").toAbsolutePath() + "/");
        System.out.println("code    " + commit());
        System.out.printf(Locale.ROOT, "machine %d cores, JDK %s, max heap %d MB; load average before the start %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf(Locale.ROOT, "bench   %d takers, %d s measured autosaves after %d s warm-up; starts over %d s, "
                        + "submits over %d s; breaking-point levels %s (%d s each); request timeout %d s; "
                        + "at most %d requests in flight (open files: %s)%n",
                opt.takers, opt.seconds, opt.warmup, opt.startWindow, opt.submitWindow, Arrays.toString(opt.levels),
                opt.levelSeconds, opt.timeout, opt.connections, openFilesLimit());
        System.out.println("note    the load generator runs in the platform's JVM and shares the 2 cores with it and PostgreSQL");
        System.out.printf(Locale.ROOT, "disk    %s%n", fsyncProbe(work));
        try (EmbeddedPostgres pg = Harness.startPostgres(work, null, opt.pgConf, null)) {
            try (Connection admin = DriverManager.getConnection(Harness.url(pg), "postgres", "postgres")) {
                System.out.println("pg      also " + extraSettings(admin));
            }
            ConfigurableApplicationContext ctx = Harness.startApp(Harness.url(pg), work);
            try {
                new Run(opt, pg, ctx, work, staticDir).run();
            } finally {
                ctx.close();
            }
        } finally {
            Harness.deleteTree(work);
        }
    }

    /** The checked-out commit, read from .git (the working tree may hold changes on top of it). */
    static String commit() {
        try {
            Path git = Path.of(".git");
            String head = Files.readString(git.resolve("HEAD")).strip();
            if (head.startsWith("ref: ")) {
                String ref = head.substring(5);
                Path file = git.resolve(ref);
                if (Files.exists(file)) {
                    head = Files.readString(file).strip();
                } else {
                    head = Files.readAllLines(git.resolve("packed-refs")).stream().filter(l -> l.endsWith(" " + ref))
                            .map(l -> l.substring(0, 40)).findFirst().orElse(ref);
                }
            }
            return "commit " + head.substring(0, Math.min(12, head.length())) + " (plus any uncommitted changes in the working tree)";
        } catch (Exception e) {
            return "commit unknown (" + e.getMessage() + ")";
        }
    }

    private static String openFilesLimit() {
        try {
            return Files.readAllLines(Path.of("/proc/self/limits")).stream().filter(l -> l.startsWith("Max open files"))
                    .map(l -> l.replaceAll("\\s+", " ").replace("Max open files ", "")).findFirst().orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }

    /** Median time of an 8 KB write + fdatasync in the directory PostgreSQL writes to. */
    private static String fsyncProbe(Path dir) throws Exception {
        Path f = dir.resolve("fsync-probe");
        long[] t = new long[200];
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(8192);
            for (int i = 0; i < t.length; i++) {
                b.clear();
                long s = System.nanoTime();
                ch.write(b, (long) (i % 16) * 8192);
                ch.force(false);
                t[i] = System.nanoTime() - s;
            }
        }
        Files.delete(f);
        Arrays.sort(t);
        return String.format(Locale.ROOT, "8 KB write + fdatasync in the data directory's file system: median %.2f ms, p90 %.2f ms "
                + "(200 in a row)", t[100] / 1e6, t[180] / 1e6);
    }

    private static String extraSettings(Connection c) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT name, setting FROM pg_settings WHERE name IN ('full_page_writes', 'wal_sync_method', 'commit_delay',
                  'max_connections', 'wal_level') ORDER BY name""")) {
            while (rs.next()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(rs.getString(1)).append('=').append(rs.getString(2));
            }
        }
        return sb.toString();
    }

    /** One run of the bench against one started platform. */
    static final class Run {
        final Options opt;
        final EmbeddedPostgres pg;
        final ConfigurableApplicationContext ctx;
        final Path work;
        final Path staticDir;
        final Path pgData;
        final String base;
        final HttpClient client;
        final Duration timeout;
        final List<Attempt> allAttempts = new ArrayList<>();
        final List<String> summary = new ArrayList<>();
        Taker[] takers;

        Run(Options opt, EmbeddedPostgres pg, ConfigurableApplicationContext ctx, Path work, Path staticDir) {
            this.opt = opt;
            this.pg = pg;
            this.ctx = ctx;
            this.work = work;
            this.staticDir = staticDir;
            this.pgData = work.resolve("pgdata");
            this.base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER)
                    .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            this.timeout = Duration.ofSeconds(opt.timeout);
        }

        void run() throws Exception {
            int n = opt.takers;
            setUp(opt.maxTakers() + opt.warmupTakers);
            printBlueprint();
            warmUp();

            // ---- the figure: N takers start, save one answer every 10 s each (submits come at the end) ----
            System.out.println();
            System.out.printf("== %,d takers: start, then %d s of autosaves (one every 10 s each); they submit at the end ==%n",
                    n, opt.seconds);
            Phase starts = start(0, n, opt.startWindow, "start attempt (POST …/attempts)");
            settle();
            List<Taker> main = active(0, n);
            resetStatements();
            jdk.jfr.Recording jfr = startJfr();
            Phase saves = steady(main, opt.warmup, opt.seconds, "autosave (PUT …/items/{p})", true);
            stopJfr(jfr);
            printStatements();
            System.out.println("durability (live, the figure's " + main.size() + " takers): "
                    + durability(main.stream().map(t -> t.attempt).toList(), null));
            settle();

            // ---- the ceiling: the same generator against a static file of the same server ----
            Phase same = null;
            Ramp ceilingRamp = null;
            if (opt.ceiling) {
                writeCeilingFile();
                System.out.println();
                System.out.printf(Locale.ROOT, "== ceiling: GET %s, same generator, same rate (%,d clients × 1 per 10 s) ==%n",
                        CEILING_PATH, n);
                same = staticLoad(n, PERIOD, opt.warmup, Math.min(opt.seconds, 20), "static file at the autosave rate");
                settle();
                ceilingRamp = ceilingRamp(Math.max(500, n / 10));
            }

            // ---- the breaking point ----
            Sweep sweep = opt.sweep ? sweep() : null;

            // ---- the takers of the figure submit ----
            System.out.println();
            System.out.printf("== the %,d takers of the figure submit ==%n", n);
            Phase submits = submit(active(0, n), opt.submitWindow, "submit (POST …/submit)");

            // ---- durability of everything, then again after an immediate (crash) restart of PostgreSQL ----
            System.out.println();
            Durability all = durability(allAttempts, null);
            System.out.println("durability (live, every attempt of the run): " + all);
            Durability crashed = null;
            if (opt.crash) {
                ctx.close();
                crashRestart();
                try (Connection c = DriverManager.getConnection(Harness.url(pg), "postgres", "postgres")) {
                    crashed = durability(allAttempts, c);
                }
                System.out.println("durability (after pg_ctl restart -m immediate, i.e. crash recovery): " + crashed);
            }

            // ---- summary ----
            System.out.println();
            System.out.printf(Locale.ROOT, "load average at the end %s (the load generator shares the 2 cores with the platform and PostgreSQL)%n",
                    Files.readString(Path.of("/proc/loadavg")).trim());
            System.out.println();
            System.out.println("| figure | measured | baseline in the same run | ratio | target |");
            System.out.println("|---|---|---|---|---|");
            Stats ss = saves.stats();
            System.out.printf(Locale.ROOT, "| autosave, %,d takers × 1 answer / 10 s (%,.0f/s offered), %d s | p50 %.1f ms, p99 **%.1f ms**, max %.1f ms; "
                            + "%,d answered, %,d errors | %s | %s | p99 < 200 ms, 0 errors — %s |%n",
                    n, n / 10.0, opt.seconds, ss.pct(50), ss.pct(99), ss.max(), saves.count(), saves.errors(),
                    same == null ? "—" : String.format(Locale.ROOT, "static file, same generator and rate: p50 %.1f ms, p99 %.1f ms",
                            same.stats().pct(50), same.stats().pct(99)),
                    same == null ? "—" : String.format(Locale.ROOT, "p99 ×%.1f", ss.pct(99) / same.stats().pct(99)),
                    saves.passes() ? "**met**" : "**not met**");
            if (sweep != null && ceilingRamp != null) {
                double autosaveRate = sweep.lastPass / 10.0;
                System.out.printf(Locale.ROOT, "| highest rate with p99 < 200 ms, 0 errors | autosaves %s | static file %s | **%.2f** | — |%n",
                        sweep.lastPass == 0 ? "below the first level" : String.format(Locale.ROOT, "%,.0f/s (%,d takers)%s",
                                autosaveRate, sweep.lastPass, sweep.firstFail == 0 ? ", every level passed" : ""),
                        String.format(Locale.ROOT, "%,.0f/s%s", ceilingRamp.lastPass,
                                ceilingRamp.firstFail == 0 ? " (ramp's cap)" : ""),
                        autosaveRate / Math.max(1, ceilingRamp.lastPass));
            }
            if (sweep != null) {
                System.out.printf(Locale.ROOT, "| breaking point: first load with autosave p99 > 200 ms or an error | %s | — | — | > %,d takers |%n",
                        sweep.firstFail == 0 ? String.format(Locale.ROOT, "none up to %,d takers", opt.levels[opt.levels.length - 1])
                                : String.format(Locale.ROOT, "**%,d takers** = %,d autosaves/s (%s); %s", sweep.firstFail,
                                sweep.firstFail / 10, sweep.failWhy, sweep.lastPass == 0 ? "no level passed"
                                        : String.format(Locale.ROOT, "%,d takers passed", sweep.lastPass)), n);
            }
            if (sweep != null && sweep.lastPhase != null) {
                // 400,000 simultaneous takers at one answer per 10 s
                double rate = 400_000 / 10.0;
                Phase lp = sweep.lastPhase;
                double jvmMs = lp.usage.jvmCpu * 1e3 / lp.count();
                double pgMs = lp.usage.pgCpu * 1e3 / lp.count();
                System.out.printf(Locale.ROOT, "| 2-core instances for 400,000 simultaneous takers (%,.0f autosaves/s) | **%d** boxes like this one "
                                + "(platform + PostgreSQL + load generator on 2 cores, %,d takers each); from CPU per autosave at that level "
                                + "(JVM %.2f ms including the generator, PostgreSQL %.2f ms) at 70 %% of 2 cores: %d platform instances + "
                                + "PostgreSQL busy %.0f cores (%.0f at 70 %%) | — | — | — |%n",
                        rate, (int) Math.ceil(400_000.0 / sweep.lastPass), sweep.lastPass, jvmMs, pgMs,
                        (int) Math.ceil(rate * jvmMs / 1e3 / 1.4), rate * pgMs / 1e3, rate * pgMs / 1e3 / 0.7);
            }
            Stats st = starts.stats();
            System.out.printf(Locale.ROOT, "| start attempt, %,d over %d s (%,.0f/s offered) | p50 %.1f ms, p99 %.1f ms, max %.1f ms, %,d errors | — | — | — |%n",
                    n, opt.startWindow, n / (double) opt.startWindow, st.pct(50), st.pct(99), st.max(), starts.errors());
            Stats sb = submits.stats();
            System.out.printf(Locale.ROOT, "| submit (grading), %,d over %d s (%,.0f/s offered) | p50 %.1f ms, p99 %.1f ms, max %.1f ms, %,d errors | — | — | — |%n",
                    submits.count(), opt.submitWindow, submits.count() / (double) opt.submitWindow, sb.pct(50), sb.pct(99), sb.max(),
                    submits.errors());
            Durability d = crashed != null ? crashed : all;
            System.out.printf(Locale.ROOT, "| answers durable (%s)%s | %s | — | — | every acknowledged answer in PostgreSQL — %s |%n",
                    opt.pgConf.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")),
                    crashed != null ? ", checked after a crash restart" : "", d.brief(), d.ok() ? "**met**" : "**not met**");
            System.out.println();
            System.out.printf(Locale.ROOT, "cpu per autosave at %,d takers: JVM %.2f ms (platform + generator), PostgreSQL %.2f ms; "
                            + "per static-file request at the same rate: JVM %.2f ms, PostgreSQL %.2f ms%n", n,
                    saves.usage.jvmCpu * 1e3 / Math.max(1, saves.count()), saves.usage.pgCpu * 1e3 / Math.max(1, saves.count()),
                    same == null ? Double.NaN : same.usage.jvmCpu * 1e3 / same.count(),
                    same == null ? Double.NaN : same.usage.pgCpu * 1e3 / same.count());
            if (sweep != null && sweep.lastLine != null) {
                System.out.println("cpu at the highest passing level: " + sweep.lastLine);
            }
        }

        /** A JVM that has served: warm-up takers start, save and submit before anything is measured. */
        void warmUp() throws Exception {
            if (opt.warmupTakers == 0) {
                return;
            }
            System.out.println();
            System.out.printf("== warm-up (not measured): %,d other takers start, save 3 answers each and submit ==%n", opt.warmupTakers);
            int from = opt.maxTakers();
            int to = from + opt.warmupTakers;
            start(from, to, 10, "warm-up: start");
            steady(active(from, to), 0, 30, "warm-up: autosave", false);
            submit(active(from, to), 10, "warm-up: submit");
            settle();
        }

        /** Waits (at most 30 s) until the machine is mostly idle, so a phase does not pay for the last one's backlog. */
        void settle() throws Exception {
            long t = System.nanoTime();
            for (int i = 0; i < 30; i++) {
                Snapshot a = Usage.snapshot(pgData);
                Thread.sleep(1000);
                Usage u = Usage.between(a, Usage.snapshot(pgData));
                if (u.jvmCpu + u.pgCpu < 0.3 * u.seconds) {
                    break;
                }
            }
            System.gc();
            double waited = (System.nanoTime() - t) / 1e9;
            if (waited > 5) {
                System.out.printf(Locale.ROOT, "settle  waited %.0f s for the platform and PostgreSQL to go quiet%n", waited);
            }
        }

        jdk.jfr.Recording startJfr() throws Exception {
            if (opt.jfr == null) {
                return null;
            }
            jdk.jfr.Recording r = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            r.setDestination(Path.of(opt.jfr));
            r.start();
            return r;
        }

        void stopJfr(jdk.jfr.Recording r) {
            if (r != null) {
                r.stop();
                r.close();
                System.out.println("profile of the autosaves: " + opt.jfr + " (jfr view hot-methods " + opt.jfr + ")");
            }
        }

        // ---- setup --------------------------------------------------------------------------

        void setUp(int count) throws Exception {
            long t = System.nanoTime();
            ImportService imports = ctx.getBean(ImportService.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            AccountService accounts = ctx.getBean(AccountService.class);
            TokenService tokens = ctx.getBean(TokenService.class);
            String units = "code,name,type,parent_code\n66,Tỉnh Đắk Lắk,tỉnh,\n"
                    + "24133,Phường Buôn Ma Thuột,phường,66\n24133.01,Tổ dân phố 1,tổ dân phố,24133\n";
            StringBuilder persons = new StringBuilder("Họ và tên,Ngày sinh,Giới tính,Số CCCD,Mã đơn vị\n");
            for (int i = 0; i < count; i++) {
                persons.append("Thí Sinh ").append(i).append(",01/01/1980,").append(i % 2 == 0 ? "Nam" : "Nữ")
                        .append(String.format(Locale.ROOT, ",066%d80%06d,24133.01%n", i % 2, i));
            }
            ImportJob job = SystemUser.call(SystemUser.SYSTEM, () -> {
                imports.runNow("UNIT", "units.csv", new java.io.ByteArrayInputStream(units.getBytes(StandardCharsets.UTF_8)),
                        null);
                return imports.runNow("PERSON", "persons.csv",
                        new java.io.ByteArrayInputStream(persons.toString().getBytes(StandardCharsets.UTF_8)), null);
            });
            long unit = jdbc.sql("SELECT id FROM unit WHERE code = '24133.01'").query(Long.class).single();
            long[] personOf = new long[count];
            jdbc.sql("SELECT id, full_name FROM person WHERE full_name LIKE 'Thí Sinh %'").query(rs -> {
                personOf[Integer.parseInt(rs.getString(2).substring("Thí Sinh ".length()))] = rs.getLong(1);
            });
            if (Arrays.stream(personOf).anyMatch(id -> id == 0)) {
                throw new IllegalStateException("the person import did not register every taker: " + job);
            }
            double importSeconds = (System.nanoTime() - t) / 1e9;
            // accounts through the platform's AccountService: a learner grant on the taker's village each; the
            // takers have no password (as accounts made at a VNeID login), so no bcrypt for 10,000s of them
            long ta = System.nanoTime();
            takers = new Taker[count];
            try (ExecutorService pool = Executors.newFixedThreadPool(opt.setupThreads)) {
                List<Future<?>> fs = new ArrayList<>();
                int chunk = (count + opt.setupThreads - 1) / opt.setupThreads;
                for (int from = 0; from < count; from += chunk) {
                    int f = from;
                    int to = Math.min(count, from + chunk);
                    fs.add(pool.submit(() -> SystemUser.run(SystemUser.SYSTEM, () -> {
                        for (int i = f; i < to; i++) {
                            long id = accounts.create("ts" + i, "Thí Sinh " + i, i == 0 ? PASSWORD : null, personOf[i],
                                    List.of(new GrantSpec(Role.LEARNER, unit)));
                            takers[i] = new Taker(i, id);
                        }
                    })));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
            }
            double accountSeconds = (System.nanoTime() - ta) / 1e9;
            // tokens: taker 0 signs in through the API; the others get the same kind of token from the platform's
            // TokenService (what POST /api/v1/auth/login answers after the password check)
            takers[0].token = login("ts0");
            for (int i = 1; i < count; i++) {
                takers[i].token = tokens.issue(accounts.load(takers[i].accountId).orElseThrow());
            }
            HttpResponse<String> mine = client.send(get("/api/v1/me/exams", takers[count - 1].token),
                    HttpResponse.BodyHandlers.ofString());
            if (mine.statusCode() != 200 || !mine.body().contains("\"ADULT\"")) {
                throw new IllegalStateException("a taker does not see the adult exam: " + mine.statusCode() + " " + mine.body());
            }
            long bank = jdbc.sql("SELECT COUNT(*) FROM question WHERE active").query(Long.class).single();
            System.out.printf(Locale.ROOT, "setup   %,d persons (adults) through the person import in %.1f s; %,d accounts with a LEARNER "
                            + "grant through AccountService.create in %.1f s (%d threads); tokens: ts0 through POST /api/v1/auth/login, "
                            + "the rest from TokenService.issue; %d active questions in the bank%n",
                    count, importSeconds, count, accountSeconds, opt.setupThreads, bank);
        }

        String login(String username) throws Exception {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("login " + username + ": " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body()).get("token").asString();
        }

        /** The blueprint the takers meet (read as a learner): the run must end before their deadline. */
        void printBlueprint() throws Exception {
            HttpResponse<String> r = client.send(get("/api/v1/exam-blueprints/ADULT", takers[0].token),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode b = JSON.readTree(r.body()).get("blueprint");
            int questions = 0;
            for (JsonNode v : b.get("perArea")) {
                questions += v.asInt();
            }
            System.out.printf("blueprint ADULT (as shipped): %d questions, %d min, pass %d %%; the figure's attempts stay open "
                    + "through the ceiling and the breaking point and are submitted at the end%n", questions,
                    b.get("timeLimitMinutes").asInt(), b.get("passPercent").asInt());
        }

        HttpRequest get(String path, String token) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .timeout(timeout).build();
        }

        // ---- phases -------------------------------------------------------------------------

        /** Starts attempts for takers [from, to), spread evenly over {@code window} seconds. */
        Phase start(int from, int to, int window, String label) throws Exception {
            int count = to - from;
            Snapshot before = Usage.snapshot(pgData);
            Phase p = openLoop(label, 201, count, TimeUnit.SECONDS.toNanos(window), 0, 1,
                    TimeUnit.SECONDS.toNanos(opt.timeout * 2L), (c, r) -> {
                        Taker t = takers[from + c];
                        HttpResponse<String> resp = client.send(HttpRequest.newBuilder(
                                        URI.create(base + "/api/v1/me/exams/ADULT/attempts"))
                                .header("Authorization", "Bearer " + t.token).timeout(timeout)
                                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                        t.startStatus = resp.statusCode();
                        t.startBody = resp.body();
                        return resp.statusCode();
                    });
            p.seconds = window;
            p.usage = Usage.between(before, Usage.snapshot(pgData));
            // forms of the attempts started (and of those whose start answered late but did start)
            int recovered = 0;
            int missing = 0;
            for (int i = from; i < to; i++) {
                Taker t = takers[i];
                t.attempt = null;
                if (t.startStatus == 201) {
                    t.attempt = Attempt.of(t.startBody);
                } else {
                    HttpResponse<String> mine = client.send(get("/api/v1/me/exams", t.token), HttpResponse.BodyHandlers.ofString());
                    JsonNode options = mine.statusCode() == 200 ? JSON.readTree(mine.body()) : null;
                    JsonNode active = options != null && options.size() > 0 ? options.get(0).get("activeAttemptId") : null;
                    if (active != null && !active.isNull()) {
                        HttpResponse<String> form = client.send(get("/api/v1/me/exam-attempts/" + active.asString(), t.token),
                                HttpResponse.BodyHandlers.ofString());
                        t.attempt = Attempt.of(form.body());
                        recovered++;
                    } else {
                        missing++;
                    }
                }
                t.startBody = null;
                if (t.attempt != null) {
                    allAttempts.add(t.attempt);
                }
            }
            System.out.println(p.line());
            if (recovered + missing > 0) {
                System.out.printf("        of the failed starts: %d had started anyway (form read back, taker kept), %d takers without an attempt%n",
                        recovered, missing);
            }
            System.out.println(p.usage.line(p.count()));
            return p;
        }

        List<Taker> active(int from, int to) {
            List<Taker> out = new ArrayList<>();
            for (int i = from; i < to; i++) {
                if (takers[i].attempt != null && takers[i].attempt.submitStatus == 0) {
                    out.add(takers[i]);
                }
            }
            return out;
        }

        /** Every taker saves its next item every 10 s; the first {@code warmup} seconds are not measured. */
        Phase steady(List<Taker> ts, int warmup, int seconds, String label, boolean detail) throws Exception {
            int warmRounds = (warmup + 9) / 10;
            int rounds = warmRounds + Math.max(1, (seconds + 9) / 10);
            Snapshot before = Usage.snapshot(pgData);
            long[] pgBefore = pgCounters();
            HeapWatch watch = HeapWatch.start();
            Phase p = openLoop(label, 200, ts.size(), PERIOD, warmRounds, rounds, TimeUnit.SECONDS.toNanos(opt.timeout),
                    (c, r) -> {
                        Attempt a = ts.get(c).attempt;
                        int pos = a.next;
                        a.next = (a.next + 1) % a.types.length;
                        List<Integer> choice = choice(a.types[pos], a.optionCounts[pos], ThreadLocalRandom.current());
                        String joined = choice.stream().map(String::valueOf).collect(Collectors.joining(","));
                        int status;
                        try {
                            status = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/exam-attempts/" + a.id
                                                    + "/items/" + (pos + 1)))
                                            .header("Authorization", "Bearer " + ts.get(c).token)
                                            .header("Content-Type", "application/json").timeout(timeout)
                                            .PUT(HttpRequest.BodyPublishers.ofString("{\"choice\":[" + joined + "]}")).build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        if (status == 200) {
                            a.acked[pos] = "ORDERING".equals(a.types[pos]) ? joined
                                    : choice.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
                            a.unknown[pos] = false;
                            a.acks++;
                        } else if (status == -1 || status >= 500) {
                            a.unknown[pos] = true;
                        }
                        return status;
                    });
            p.usage = Usage.between(before, Usage.snapshot(pgData));
            watch.stop();
            long[] pgAfter = pgCounters();
            System.out.println(p.line());
            System.out.println(watch.line());
            if (detail) {
                System.out.println("        p99 by 10 s window of due time: " + p.windows(p.t0, PERIOD));
            }
            System.out.println(p.usage.line(p.count()));
            double s = p.usage.seconds;
            System.out.printf(Locale.ROOT, "pg      %.0f commits/s, %.0f WAL fsyncs/s (%.1f commits per fsync), %.0f WAL writes/s%n",
                    (pgAfter[0] - pgBefore[0]) / s, (pgAfter[1] - pgBefore[1]) / s,
                    (pgAfter[0] - pgBefore[0]) / (double) Math.max(1, pgAfter[1] - pgBefore[1]), (pgAfter[2] - pgBefore[2]) / s);
            return p;
        }

        Phase submit(List<Taker> ts, int window, String label) throws Exception {
            Snapshot before = Usage.snapshot(pgData);
            Phase p = openLoop(label, 200, ts.size(), TimeUnit.SECONDS.toNanos(window), 0, 1,
                    TimeUnit.SECONDS.toNanos(opt.timeout * 2L), (c, r) -> {
                        Taker t = ts.get(c);
                        int status = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/exam-attempts/"
                                                + t.attempt.id + "/submit"))
                                        .header("Authorization", "Bearer " + t.token).timeout(timeout)
                                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        t.attempt.submitStatus = status;
                        return status;
                    });
            for (Taker t : ts) {
                if (t.attempt.submitStatus == 0) {
                    t.attempt.submitStatus = -1;
                }
            }
            p.seconds = window;
            p.usage = Usage.between(before, Usage.snapshot(pgData));
            System.out.println(p.line());
            System.out.println(p.usage.line(p.count()));
            return p;
        }

        void writeCeilingFile() throws Exception {
            // the size of an autosave's answer
            Files.writeString(staticDir.resolve("bench-ceiling.json"),
                    "{\"position\":12,\"savedAt\":\"2026-11-23T09:00:00.123456Z\",\"secondsLeft\":1234}");
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + CEILING_PATH)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(CEILING_PATH + " answers " + r.statusCode());
            }
        }

        Phase staticLoad(int clients, long period, int warmup, int seconds, String label) throws Exception {
            int warmRounds = (int) Math.ceil(warmup * 1e9 / period);
            int rounds = warmRounds + (int) Math.max(1, Math.ceil(seconds * 1e9 / period));
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + CEILING_PATH)).timeout(timeout).build();
            Snapshot before = Usage.snapshot(pgData);
            Phase p = openLoop(label, 200, clients, period, warmRounds, rounds, TimeUnit.SECONDS.toNanos(opt.timeout),
                    (c, r) -> client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode());
            p.usage = Usage.between(before, Usage.snapshot(pgData));
            System.out.println(p.line());
            System.out.println(p.usage.line(p.count()));
            return p;
        }

        record Ramp(double lastPass, double firstFail) {
        }

        /** Rates ×1.5 from {@code from} until p99 ≥ 200 ms or an error, then one step between the last two. */
        Ramp ceilingRamp(double from) throws Exception {
            System.out.printf("== ceiling: the highest rate of GET %s with p99 < 200 ms (steps of %d s after 2 s warm-up) ==%n",
                    CEILING_PATH, opt.stepSeconds);
            double lastPass = 0;
            double firstFail = 0;
            double rate = from;
            while (rate <= 60_000) {
                if (step(rate)) {
                    lastPass = rate;
                    rate *= 1.5;
                } else {
                    firstFail = rate;
                    break;
                }
            }
            if (firstFail > 0 && lastPass > 0) {
                settle();
                double mid = Math.sqrt(lastPass * firstFail);
                if (step(mid)) {
                    lastPass = mid;
                } else {
                    firstFail = mid;
                }
            }
            return new Ramp(lastPass, firstFail);
        }

        boolean step(double rate) throws Exception {
            // one request per client per second: rate clients (at most 20,000, then shorter periods)
            int clients = (int) Math.min(20_000, Math.round(rate));
            long period = Math.round(clients / rate * 1e9);
            Phase p = staticLoad(clients, period, 2, opt.stepSeconds, String.format(Locale.ROOT, "static file %,.0f/s", rate));
            return p.passes();
        }

        // ---- the breaking point ---------------------------------------------------------------

        record Sweep(int lastPass, int firstFail, String failWhy, String lastLine, Phase lastPhase) {
        }

        /**
         * Autosaves at each level of takers: the figure's attempts (still open) and, above N, more takers
         * started at the figure's start rate. Stops at the first level that fails, then tries one level
         * half-way between the last that passed and it.
         */
        Sweep sweep() throws Exception {
            System.out.println();
            System.out.printf("== breaking point: autosaves at increasing takers (%d s warm-up + %d s measured per level) ==%n",
                    opt.warmup, opt.levelSeconds);
            double startRate = opt.takers / (double) opt.startWindow;
            int started = opt.takers;
            int lastPass = 0;
            int firstFail = 0;
            String why = null;
            String lastLine = null;
            Phase lastPhase = null;
            for (int level : opt.levels) {
                if (level > started) {
                    int window = (int) Math.max(1, Math.ceil((level - started) / startRate));
                    start(started, level, window, String.format(Locale.ROOT, "start %,d more attempts", level - started));
                    started = level;
                    settle();
                }
                Phase p = steady(active(0, level), opt.warmup, opt.levelSeconds,
                        String.format(Locale.ROOT, "autosave, %,d takers", level), false);
                settle();
                if (p.passes()) {
                    lastPass = level;
                    lastLine = p.usage.line(p.count());
                    lastPhase = p;
                } else {
                    firstFail = level;
                    why = failure(p);
                    break;
                }
            }
            if (firstFail > 0 && firstFail - lastPass >= 1000) {
                int mid = (lastPass + firstFail) / 2 / 500 * 500;
                Phase p = steady(active(0, mid), opt.warmup, opt.levelSeconds,
                        String.format(Locale.ROOT, "autosave, %,d takers (between)", mid), false);
                settle();
                if (p.passes()) {
                    lastPass = mid;
                    lastLine = p.usage.line(p.count());
                    lastPhase = p;
                } else {
                    firstFail = mid;
                    why = failure(p);
                }
            }
            return new Sweep(lastPass, firstFail, why, lastLine, lastPhase);
        }

        static String failure(Phase p) {
            return p.errors() > 0 ? String.format(Locale.ROOT, "p99 %.0f ms, %,d errors", p.stats().pct(99), p.errors())
                    : String.format(Locale.ROOT, "p99 %.0f ms", p.stats().pct(99));
        }

        // ---- PostgreSQL -----------------------------------------------------------------------

        Connection admin() throws SQLException {
            return DriverManager.getConnection(Harness.url(pg), "postgres", "postgres");
        }

        /** Commits, WAL fsyncs and WAL writes so far. */
        long[] pgCounters() throws SQLException {
            try (Connection c = admin(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()),
                           wal_sync, wal_write FROM pg_stat_wal""")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        }

        void resetStatements() throws SQLException {
            try (Connection c = admin(); Statement st = c.createStatement()) {
                st.execute("SELECT pg_stat_statements_reset()");
            }
        }

        void printStatements() throws SQLException {
            try (Connection c = admin(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT calls, total_exec_time, mean_exec_time, regexp_replace(query, '\\s+', ' ', 'g')
                    FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 8""")) {
                System.out.println("        server time by statement during the autosaves (pg_stat_statements, incl. warm-up):");
                while (rs.next()) {
                    String q = rs.getString(4);
                    System.out.printf(Locale.ROOT, "        %9d calls %9.0f ms total %7.3f ms mean  %s%n", rs.getLong(1),
                            rs.getDouble(2), rs.getDouble(3), q.length() > 110 ? q.substring(0, 110) + "…" : q);
                }
            }
        }

        record Durability(long acks, long ackedItems, long rowsWithChoice, long missing, long unacknowledgedRows,
                          long unknownOutcome, long submitted, long graded, long submitFailed) {

            boolean ok() {
                return missing == 0 && submitted == graded && rowsWithChoice == ackedItems + unacknowledgedRows;
            }

            String brief() {
                return String.format(Locale.ROOT, "%,d exam_item rows with a choice = %,d items acknowledged 200 (%,d saves acknowledged); "
                                + "%,d acknowledged answers missing or different; %,d of %,d submitted attempts GRADED",
                        rowsWithChoice, ackedItems, acks, missing, graded, submitted);
            }

            @Override
            public String toString() {
                return brief() + String.format(Locale.ROOT, "; rows whose last save had no answer: %d (of %d saves with an unknown outcome); "
                        + "failed submits %d → %s", unacknowledgedRows, unknownOutcome, submitFailed, ok() ? "OK" : "MISMATCH");
            }
        }

        /** Compares what PostgreSQL holds with what the server acknowledged. */
        Durability durability(List<Attempt> attempts, Connection given) throws SQLException {
            Map<String, Attempt> byId = new HashMap<>();
            attempts.forEach(a -> byId.put(a.id, a));
            Map<String, String[]> stored = new HashMap<>();
            Map<String, String> status = new HashMap<>();
            try (Connection c = given != null ? given : admin(); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT attempt_id, position, choice FROM exam_item WHERE choice IS NOT NULL")) {
                    while (rs.next()) {
                        Attempt a = byId.get(rs.getString(1));
                        if (a != null) {
                            stored.computeIfAbsent(a.id, k -> new String[a.types.length])[rs.getInt(2) - 1] = rs.getString(3);
                        }
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT id, status FROM exam_attempt")) {
                    while (rs.next()) {
                        status.put(rs.getString(1), rs.getString(2));
                    }
                }
                if (given == null) {
                    c.close();
                }
            }
            long acks = 0;
            long ackedItems = 0;
            long rows = 0;
            long missing = 0;
            long unacked = 0;
            long unknown = 0;
            long submitted = 0;
            long graded = 0;
            long submitFailed = 0;
            for (Attempt a : attempts) {
                acks += a.acks;
                String[] s = stored.getOrDefault(a.id, new String[a.types.length]);
                for (int i = 0; i < a.types.length; i++) {
                    if (s[i] != null) {
                        rows++;
                    }
                    if (a.unknown[i]) {
                        unknown++;
                    }
                    if (a.acked[i] != null) {
                        ackedItems++;
                        if (!a.acked[i].equals(s[i]) && !a.unknown[i]) {
                            missing++;
                        } else if (a.unknown[i] && s[i] == null) {
                            missing++;
                        }
                    } else if (s[i] != null) {
                        unacked++;
                    }
                }
                if (a.submitStatus == 200) {
                    submitted++;
                    if ("GRADED".equals(status.get(a.id))) {
                        graded++;
                    }
                } else if (a.submitStatus != 0) {
                    submitFailed++;
                }
            }
            return new Durability(acks, ackedItems, rows, missing, unacked, unknown, submitted, graded, submitFailed);
        }

        /** An immediate shutdown (no checkpoint: crash recovery on start) and a start with the same options. */
        void crashRestart() throws Exception {
            java.lang.reflect.Field f = EmbeddedPostgres.class.getDeclaredField("pgDir");
            f.setAccessible(true);
            File pgDir = (File) f.get(pg);
            Path log = work.resolve("pg-restart.log");
            long t = System.nanoTime();
            // as zonky runs it: in a user namespace (unshare -U), where root is "nobody", the data directory's owner
            Process p = new ProcessBuilder("unshare", "-U", new File(pgDir, "bin/pg_ctl").getAbsolutePath(), "-D",
                    work.resolve("pgdata").toAbsolutePath().toString(), "-m", "immediate", "-w", "-t", "120",
                    "-l", log.toString(), "restart").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("pg_ctl restart failed: " + out);
            }
            String recovery = Files.readAllLines(log).stream()
                    .filter(l -> l.contains("redo") || l.contains("not properly shut down") || l.contains("crash"))
                    .map(String::strip).collect(Collectors.joining(" | "));
            System.out.printf(Locale.ROOT, "pg      immediate restart in %.1f s; server log: %s%n", (System.nanoTime() - t) / 1e9,
                    recovery.isEmpty() ? "(no recovery lines)" : recovery);
        }
    }
}

package vn.binhdan.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import vn.binhdan.assessment.AttemptPassed;
import vn.binhdan.certification.Certificates;
import vn.binhdan.monitoring.Dashboard;
import vn.binhdan.monitoring.Dashboards;
import vn.binhdan.reporting.Period;
import vn.binhdan.reporting.ReportForm;
import vn.binhdan.reporting.Reports;
import vn.binhdan.reporting.Validation;
import vn.binhdan.reporting.ValidationRun;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.Grant;
import vn.binhdan.shared.Role;
import vn.binhdan.unit.UnitService;
import vn.binhdan.monitoring.Metrics;
import vn.binhdan.monitoring.RollupCheck;
import vn.binhdan.monitoring.Rollups;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.SystemUser;

/**
 * The steering issue's figures on a generated national-scale set in PostgreSQL: 34 provinces,
 * 3,321 communes, 10 villages and 3 organisations each, P persons (3 % civil servants, 20 %
 * pupils, 10 % workers) and C certificates (the first C persons in id order whose id ends in
 * 0–2, counted where the registry counts their group).
 *
 * <ul>
 *   <li>full recompute (rebuild of the certified rollups from the certificate rows, plus the
 *       population counts) beside a plain SQL {@code GROUP BY} over the same certificate rows,
 *       fetched to the client: the ceiling;</li>
 *   <li>the check (recompute + compare): time and differences;</li>
 *   <li>province and commune dashboards, in process through {@link Dashboards} (no HTTP, no
 *       page rendering), p50/p95 over R calls after warm-up;</li>
 *   <li>lag: a certificate issued through {@code Certificates.onPass}, then the time from its
 *       commit until the province's live total shows it, for L certificates one after another.</li>
 * </ul>
 * Community activities are not generated: that module does not exist yet.
 *
 * <pre>./mvnw -B -q -Pbench -DbuildDir=target-bench -DskipTests test-compile exec:exec \
 *     -Dbench.main=vn.binhdan.bench.SteerBench -Dbench.args="10000000 3000000 300 200"</pre>
 * Arguments: persons P, certificates C, dashboard repetitions R, lag samples L.
 */
public final class SteerBench {

    private SteerBench() {
    }

    public static void main(String[] args) throws Exception {
        long persons = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        long certs = args.length > 1 ? Long.parseLong(args[1]) : 3_000_000L;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int lagSamples = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        System.out.printf(Locale.ROOT, "machine %d cores, JDK %s; persons %,d, certificates %,d%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), persons, certs);
        System.out.printf("load average before the start %s", Files.readString(Path.of("/proc/loadavg")));
        Path work = Files.createTempDirectory("steer-bench");
        try (EmbeddedPostgres pg = Harness.startPostgres(work, null, Map.of(), null)) {
            ConfigurableApplicationContext ctx = Harness.startApp(Harness.url(pg), work);
            try (Connection c = DriverManager.getConnection(Harness.url(pg), "postgres", "postgres")) {
                generate(c, persons, certs);
                run(ctx, c, reps, lagSamples);
            } finally {
                ctx.close();
            }
        } finally {
            Harness.deleteTree(work);
        }
    }

    private static void generate(Connection c, long persons, long certs) throws Exception {
        long t = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO unit (code, name, type, path, depth, valid_from)
                    SELECT 'P' || i, 'Tỉnh ' || i, 'PROVINCE', '/', 0, DATE '2025-07-01' FROM generate_series(1, 34) i""");
            st.execute("UPDATE unit SET path = '/' || id || '/' WHERE type = 'PROVINCE'");
            st.execute("""
                    INSERT INTO unit (code, name, type, parent_id, path, depth, valid_from)
                    SELECT 'C' || i, 'Xã ' || i, 'COMMUNE', p.id, p.path, 1, DATE '2025-07-01'
                    FROM generate_series(1, 3321) i JOIN unit p ON p.code = 'P' || (((i - 1) % 34) + 1)""");
            st.execute("UPDATE unit SET path = path || id || '/' WHERE type = 'COMMUNE'");
            for (String[] kind : new String[][]{{"V", "VILLAGE", "10"}, {"O", "COMMUNE_OFFICE", "1"}, {"S", "SCHOOL", "1"},
                    {"E", "ENTERPRISE", "1"}}) {
                st.execute("""
                        INSERT INTO unit (code, name, type, parent_id, path, depth, valid_from)
                        SELECT '%1$s' || c.code || '.' || k, '%2$s ' || c.code || '.' || k, '%2$s', c.id, c.path, 2, DATE '2025-07-01'
                        FROM unit c, generate_series(1, %3$s) k WHERE c.type = 'COMMUNE'""".formatted(kind[0], kind[1], kind[2]));
            }
            st.execute("UPDATE unit SET path = path || id || '/' WHERE depth = 2");
            st.execute("""
                    CREATE TEMP TABLE bench_village AS
                    SELECT row_number() OVER (ORDER BY v.id) - 1 AS k, v.id, v.parent_id AS commune_id
                    FROM unit v WHERE v.type = 'VILLAGE'""");
            st.execute("CREATE INDEX ON bench_village (k)");
            st.execute("""
                    INSERT INTO person (full_name, name_folded, birth_date, sex, residence_unit_id, data_hash)
                    SELECT 'Người ' || i, 'nguoi ' || i, DATE '1945-01-01' + ((i::bigint * 7919) %% 29000)::int,
                           CASE WHEN i %% 2 = 0 THEN 'MALE' ELSE 'FEMALE' END, v.id, 'h'
                    FROM generate_series(1, %d) i JOIN bench_village v ON v.k = i %% (SELECT COUNT(*) FROM bench_village)"""
                    .formatted(persons));
            st.execute("""
                    INSERT INTO person_group (person_id, group_code, org_unit_id)
                    SELECT p.id, g.code, o.id
                    FROM person p JOIN unit v ON v.id = p.residence_unit_id
                    JOIN LATERAL (SELECT CASE WHEN p.id %% 100 < 3 THEN 'CIVIL_SERVANT'
                                              WHEN p.id %% 100 < 23 THEN 'STUDENT'
                                              WHEN p.id %% 100 < 33 THEN 'WORKER' END AS code) g ON g.code IS NOT NULL
                    JOIN unit c ON c.id = v.parent_id
                    JOIN unit o ON o.code = (CASE g.code WHEN 'CIVIL_SERVANT' THEN 'O' WHEN 'STUDENT' THEN 'S' ELSE 'E' END)
                                            || c.code || '.1'""".formatted());
            st.execute("""
                    INSERT INTO certificate (id, number, issuer_code, status_index, person_id, target_group, unit_path,
                                             counted_path, framework_version, issued_at, credential)
                    SELECT md5(p.id::text)::uuid::text, 'B-' || p.id, pr.code, p.id, p.id,
                           COALESCE(g.group_code, 'ADULT'), v.path, COALESCE(o.path, v.path), '1.0',
                           TIMESTAMP '2025-07-01' + ((p.id * 31) %% 500) * INTERVAL '1 day', 'x'
                    FROM person p JOIN unit v ON v.id = p.residence_unit_id
                    JOIN unit pr ON v.path LIKE '/' || pr.id || '/%%' AND pr.depth = 0
                    LEFT JOIN person_group g ON g.person_id = p.id
                    LEFT JOIN unit o ON o.id = g.org_unit_id
                    WHERE p.id %% 10 < 3 ORDER BY p.id LIMIT %d""".formatted(certs));
            st.execute("ANALYZE");
        }
        System.out.printf(Locale.ROOT, "data    generated in %.1f s: %s%n", (System.nanoTime() - t) / 1e9, counts(c));
    }

    private static String counts(Connection c) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Statement st = c.createStatement()) {
            for (String table : List.of("unit", "person", "person_group", "certificate")) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    out.append(String.format(Locale.ROOT, "%s %,d  ", table, rs.getLong(1)));
                }
            }
        }
        return out.toString();
    }

    private static void run(ConfigurableApplicationContext ctx, Connection c, int reps, int lagSamples) throws Exception {
        Rollups rollups = ctx.getBean(Rollups.class);
        Dashboards dashboards = ctx.getBean(Dashboards.class);
        Certificates certificates = ctx.getBean(Certificates.class);

        // ---- full recompute vs plain GROUP BY (twice each; the second of each is reported) ----
        double rebuild = 0;
        double groupBy = 0;
        long groups = 0;
        for (int round = 0; round < 2; round++) {
            long t = System.nanoTime();
            SystemUser.run(SystemUser.SYSTEM, rollups::rebuild);
            rebuild = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            groups = 0;
            try (Statement st = c.createStatement()) {
                st.setFetchSize(10_000);
                c.setAutoCommit(false);
                try (ResultSet rs = st.executeQuery("""
                        SELECT counted_path, target_group, date_trunc('month', issued_at), COUNT(*) FROM certificate
                        WHERE revoked_at IS NULL GROUP BY 1, 2, 3""")) {
                    while (rs.next()) {
                        groups += rs.getLong(4) > 0 ? 1 : 0;
                    }
                }
                c.commit();
                c.setAutoCommit(true);
            }
            groupBy = (System.nanoTime() - t) / 1e9;
        }
        System.out.printf(Locale.ROOT, "recompute  full rebuild %.2f s; plain SQL GROUP BY over the same rows %.2f s (%,d groups); "
                + "ratio rebuild/GROUP BY = %.1f%n", rebuild, groupBy, groups, rebuild / groupBy);
        long t = System.nanoTime();
        RollupCheck check = SystemUser.call(SystemUser.SYSTEM, rollups::check);
        System.out.printf(Locale.ROOT, "check      %.2f s, %,d values compared, %d differences%n",
                (System.nanoTime() - t) / 1e9, check.compared(), check.differences());

        reports(ctx, c, lagSamples);

        // ---- dashboards ----
        long province = id(c, "SELECT id FROM unit WHERE code = 'P1'");
        long commune = id(c, "SELECT id FROM unit WHERE code = 'C1'");
        for (Object[] target : new Object[][]{{"province", province}, {"commune", commune}}) {
            long unit = (Long) target[1];
            // baseline: the bare reads of the same rows (children's totals and populations), no assembly
            String bare = """
                    SELECT t.unit_id, t.target_group, t.amount, p.counted FROM unit u
                    LEFT JOIN mon_total t ON t.unit_id = u.id AND t.metric = 'CERTIFIED'
                    LEFT JOIN mon_population p ON p.unit_id = u.id AND p.target_group = t.target_group
                    WHERE u.parent_id = %d OR u.id = %d""".formatted(unit, unit);
            double[] base = new double[reps];
            for (int i = -30; i < reps; i++) {
                long s = System.nanoTime();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(bare)) {
                    while (rs.next()) {
                        rs.getLong(3);
                    }
                }
                if (i >= 0) {
                    base[i] = (System.nanoTime() - s) / 1e6;
                }
            }
            java.util.Arrays.sort(base);
            for (int i = 0; i < 30; i++) {
                SystemUser.call(SystemUser.SYSTEM, () -> dashboards.of(unit, null, Locale.forLanguageTag("vi")));
            }
            double[] ms = new double[reps];
            for (int i = 0; i < reps; i++) {
                long s = System.nanoTime();
                SystemUser.call(SystemUser.SYSTEM, () -> dashboards.of(unit, null, Locale.forLanguageTag("vi")));
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            java.util.Arrays.sort(ms);
            double p95 = ms[(int) Math.ceil(reps * 0.95) - 1];
            double baseP95 = base[(int) Math.ceil(reps * 0.95) - 1];
            System.out.printf(Locale.ROOT, "dashboard  %-8s p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d calls; bare SQL of "
                    + "the same rows p95 %.2f ms; ratio %.1f%n", target[0], ms[reps / 2], p95, ms[reps - 1], reps, baseP95,
                    p95 / baseP95);
        }

        // ---- lag from commit to the province's figure ----
        List<Long> candidates = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT p.id FROM person p JOIN unit v ON v.id = p.residence_unit_id
                WHERE v.path LIKE '/%d/%%' AND p.id %% 10 >= 3 AND p.birth_date < DATE '2000-01-01'
                  AND NOT EXISTS (SELECT 1 FROM person_group g WHERE g.person_id = p.id)
                ORDER BY p.id LIMIT %d""".formatted(province, lagSamples))) {
            while (rs.next()) {
                candidates.add(rs.getLong(1));
            }
        }
        double[] lag = new double[candidates.size()];
        double[] issue = new double[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            long person = candidates.get(i);
            long before = adults(rollups, province);
            String attempt = "bench-" + person;
            long started = System.nanoTime();
            SystemUser.run(SystemUser.SYSTEM, () -> certificates.onPass(new AttemptPassed("passed:" + attempt, attempt,
                    person, TargetGroup.ADULT, "1.0", 90, Instant.now())));
            long committed = System.nanoTime();
            issue[i] = (committed - started) / 1e6;
            while (adults(rollups, province) == before) {
                Thread.onSpinWait();
            }
            lag[i] = (System.nanoTime() - committed) / 1e6;
        }
        java.util.Arrays.sort(lag);
        java.util.Arrays.sort(issue);
        if (lag.length > 0) {
            int p95 = (int) Math.ceil(lag.length * 0.95) - 1;
            System.out.printf(Locale.ROOT, "lag        certificate → province figure: p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d "
                    + "certificates; issuing one (sign + store, the baseline) p95 %.1f ms; ratio lag/issue %.2f%n",
                    lag[lag.length / 2], lag[p95], lag[lag.length - 1], lag.length, issue[p95], lag[p95] / issue[p95]);
        }
        RollupCheck after = SystemUser.call(SystemUser.SYSTEM, rollups::check);
        System.out.printf("check      after the live certificates: %d differences%n", after.differences());
    }

    static final String FORM = "BDHVS-QUY";
    static final String VNEID = "VNEID_CONFIRMED_SHARE";

    /**
     * One quarterly report per commune, submitted by the commune (generated in SQL, 3 % of them
     * with a VNeID count above its total), then: the province-wide validation runs over every
     * report beside a plain SQL scan of the same figures; every report approved through
     * {@link Reports#approve} by its province's administrator, and for the first L of them the time
     * from the approval's call until the province's dashboard shows the commune's figure.
     */
    private static void reports(ConfigurableApplicationContext ctx, Connection c, int lagSamples) throws Exception {
        Reports reports = ctx.getBean(Reports.class);
        Validation validation = ctx.getBean(Validation.class);
        Dashboards dashboards = ctx.getBean(Dashboards.class);
        UnitService units = ctx.getBean(UnitService.class);
        Period period = Period.containing(Period.Type.QUARTER, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        long t = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO report_submission (form_code, unit_id, period_id, status, due_on, created_by, created_at,
                      updated_by, updated_at, first_submitted_at, submitted_by, submitted_at, form_version)
                    SELECT '%s', u.id, '%s', 'SUBMITTED', DATE '%s', 'bench-commune', now(), 'bench-commune', now(), now(),
                           'bench-commune', now(), 1
                    FROM unit u WHERE u.type = 'COMMUNE'""".formatted(FORM, period.id(), period.end()));
            for (String table : List.of("report_declared", "report_figure")) {
                boolean frozen = table.equals("report_figure");
                st.execute("""
                        INSERT INTO %s (submission_id, indicator_code, target_group, numerator, %s denominator, %s entered_by, entered_at)
                        SELECT s.id, i.code, i.grp,
                               CASE WHEN s.unit_id %% 33 = 0 THEN 5000 ELSE 50 + (s.unit_id * 37) %% 300 END, %s
                               400, %s 'bench-commune', now()
                        FROM report_submission s
                        CROSS JOIN (VALUES ('%s', 'ADULT'), ('DIGITAL_SIGNATURE_SHARE', 'ADULT'),
                                           ('DIGITAL_SIGNATURE_SHARE', 'CIVIL_SERVANT'), ('MOOC_SELF_STUDY_SHARE', 'CIVIL_SERVANT')) i(code, grp)
                        WHERE s.form_code = '%s' AND s.period_id = '%s'"""
                        .formatted(table, frozen ? "numerator_source," : "", frozen ? "denominator_source," : "",
                                frozen ? "'DECLARED'," : "", frozen ? "'DECLARED'," : "", VNEID, FORM, period.id()));
            }
            st.execute("ANALYZE");
        }
        System.out.printf(Locale.ROOT, "reports    %,d quarterly reports submitted (generated) in %.1f s%n",
                count(c, "SELECT COUNT(*) FROM report_submission"), (System.nanoTime() - t) / 1e9);

        // ---- validation over every report, province by province, beside a plain scan of the same figures ----
        List<long[]> provinces = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id FROM unit WHERE type = 'PROVINCE' ORDER BY id")) {
            while (rs.next()) {
                provinces.add(new long[]{rs.getLong(1)});
            }
        }
        ReportForm form = SystemUser.call(SystemUser.SYSTEM, () -> reports.form(FORM));
        double runBest = Double.MAX_VALUE;
        double scanBest = Double.MAX_VALUE;
        int checked = 0;
        int errors = 0;
        for (int round = 0; round < 3; round++) {
            long s = System.nanoTime();
            checked = 0;
            errors = 0;
            for (long[] p : provinces) {
                vn.binhdan.unit.Unit root = SystemUser.call(SystemUser.SYSTEM, () -> units.get(p[0]));
                ValidationRun run = SystemUser.call(SystemUser.SYSTEM, () -> validation.evaluate(form, period, root));
                checked += run.reportsChecked();
                errors += run.errors();
            }
            runBest = Math.min(runBest, (System.nanoTime() - s) / 1e6);
            s = System.nanoTime();
            long rows = 0;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT s.unit_id, f.indicator_code, f.target_group, f.numerator, f.denominator
                    FROM report_submission s JOIN report_figure f ON f.submission_id = s.id
                    WHERE s.form_code = '%s' AND s.period_id IN ('%s', '%s')""".formatted(FORM, period.id(),
                    period.previous().id()))) {
                while (rs.next()) {
                    rows += rs.getLong(4) > 0 ? 1 : 0;
                }
            }
            scanBest = Math.min(scanBest, (System.nanoTime() - s) / 1e6);
        }
        System.out.printf(Locale.ROOT, "validation %,d reports checked in %.0f ms (best of 3, 34 province runs), %,d errors found; "
                + "plain SQL scan of the same figures %.0f ms; ratio %.1f%n", checked, runBest, errors, scanBest, runBest / scanBest);

        // ---- approvals, and the province's figure after each ----
        List<long[]> submitted = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT s.unit_id, u.parent_id FROM report_submission s JOIN unit u ON u.id = s.unit_id
                WHERE s.status = 'SUBMITTED' AND s.unit_id % 33 <> 0 ORDER BY s.unit_id""")) {
            while (rs.next()) {
                submitted.add(new long[]{rs.getLong(1), rs.getLong(2)});
            }
        }
        Map<Long, AppUser> admins = new java.util.HashMap<>();
        double[] lag = new double[Math.min(lagSamples, submitted.size())];
        double[] approve = new double[submitted.size()];
        t = System.nanoTime();
        for (int i = 0; i < submitted.size(); i++) {
            long commune = submitted.get(i)[0];
            long province = submitted.get(i)[1];
            AppUser admin = admins.computeIfAbsent(province, id -> new AppUser(-id, "bench-admin-" + id, "Sở " + id, null,
                    List.of(new Grant(Role.PROVINCE_ADMIN, id, "/" + id + "/"))));
            boolean sample = i < lag.length;
            long before = sample ? provinceVneid(dashboards, admin, province) : 0;
            long s = System.nanoTime();
            SystemUser.run(admin, () -> reports.approve(FORM, commune, period.id()));
            long done = System.nanoTime();
            approve[i] = (done - s) / 1e6;
            if (sample) {
                while (provinceVneid(dashboards, admin, province) == before) {
                    Thread.onSpinWait();
                }
                lag[i] = (System.nanoTime() - s) / 1e6;
            }
        }
        double total = (System.nanoTime() - t) / 1e9;
        java.util.Arrays.sort(lag);
        java.util.Arrays.sort(approve);
        System.out.printf(Locale.ROOT, "approve    %,d reports approved in %.1f s (p95 of one approval %.1f ms)%n", approve.length,
                total, approve[(int) Math.ceil(approve.length * 0.95) - 1]);
        if (lag.length > 0) {
            System.out.printf(Locale.ROOT, "approved → province figure visible: p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d "
                    + "approvals (from the call, a dashboard read included); target p95 < 1000 ms; ratio %.3f%n",
                    lag[lag.length / 2], lag[(int) Math.ceil(lag.length * 0.95) - 1], lag[lag.length - 1], lag.length,
                    lag[(int) Math.ceil(lag.length * 0.95) - 1] / 1000);
        }
    }

    /** The province's VNeID numerator as its dashboard shows it: the approved communes' sum. */
    private static long provinceVneid(Dashboards dashboards, AppUser admin, long province) {
        Dashboard d = SystemUser.call(admin, () -> dashboards.of(province, null, Locale.forLanguageTag("vi")));
        return d.kpis().stream().filter(k -> k.indicator().equals(VNEID) && k.group().equals("ADULT"))
                .map(Dashboard.Kpi::numerator).filter(java.util.Objects::nonNull).findFirst().orElse(0L);
    }

    private static long count(Connection c, String sql) throws Exception {
        return id(c, sql);
    }

    private static long adults(Rollups rollups, long unit) {
        return rollups.totals(Metrics.CERTIFIED, List.of(unit)).getOrDefault(unit, Map.of()).getOrDefault("ADULT", 0L);
    }

    private static long id(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

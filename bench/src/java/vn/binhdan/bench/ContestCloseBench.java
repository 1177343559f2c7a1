package vn.binhdan.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.binhdan.contest.CollectiveBasis;
import vn.binhdan.contest.Contest;
import vn.binhdan.contest.ContestForm;
import vn.binhdan.contest.Contests;
import vn.binhdan.contest.Counts;
import vn.binhdan.contest.DrawLine;
import vn.binhdan.contest.Round;
import vn.binhdan.contest.RoundForm;
import vn.binhdan.importing.ImportService;
import vn.binhdan.shared.SystemUser;

/**
 * Closing a round of many entries (the contest issue's second figure): the platform's close —
 * finishing nothing left running, picking each person's counted entry, the true count, the
 * prediction gaps and the ranks written back in batches — beside a plain SQL ranking query
 * (one window function) over the same rows, which computes the ranks but writes nothing.
 *
 * <pre>
 * ./mvnw -B -q -Pbench -DbuildDir=target-bench -DskipTests test-compile exec:exec \
 *     -Dbench.main=vn.binhdan.bench.ContestCloseBench -Dbench.args="100000"
 * </pre>
 */
public final class ContestCloseBench {

    private ContestCloseBench() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path work = Files.createTempDirectory("binhdan-contest-bench");
        System.out.printf(Locale.ROOT, "machine %d cores, JDK %s, max heap %d MB; load average %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
                Files.readString(Path.of("/proc/loadavg")).trim());
        try (EmbeddedPostgres pg = Harness.startPostgres(work, null, Map.of(), null)) {
            ConfigurableApplicationContext ctx = Harness.startApp(Harness.url(pg), work);
            try {
                run(ctx, work, entries);
            } finally {
                ctx.close();
            }
        } finally {
            Harness.deleteTree(work);
        }
    }

    private static void run(ConfigurableApplicationContext ctx, Path work, int entries) throws Exception {
        ImportService imports = ctx.getBean(ImportService.class);
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        Contests contests = ctx.getBean(Contests.class);
        Path units = work.resolve("units.csv");
        Path persons = work.resolve("persons.csv");
        DataGen.writeUnits(units);
        DataGen.writePersons(persons, entries * 5L / 6, 2026);
        SystemUser.run(SystemUser.SYSTEM, () -> {
            Harness.importFile(imports, "UNIT", units, null);
            Harness.importFile(imports, "PERSON", persons, null);
        });
        long province = jdbc.queryForObject("SELECT id FROM unit WHERE code = ?", Long.class, DataGen.PROVINCE);
        Instant now = Instant.now();
        long[] round = new long[1];
        SystemUser.run(SystemUser.SYSTEM, () -> {
            Contest c = contests.create(new ContestForm(province, "Bench", null, "Bench", 10,
                    CollectiveBasis.PER_THOUSAND, 3));
            Round r = contests.addRound(c.id(), new RoundForm("Vòng bench", now.minusSeconds(3600),
                    now.plusSeconds(3600), 20, 2, Counts.BEST, 10,
                    List.of(new DrawLine("1", null, 4), new DrawLine("2", null, 3), new DrawLine("4", null, 3)), null));
            round[0] = r.id();
        });
        List<Object[]> people = jdbc.query("SELECT p.id, u.path FROM person p JOIN unit u ON u.id = p.residence_unit_id",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
        SplittableRandom rnd = new SplittableRandom(18);
        List<Object[]> rows = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            Object[] p = people.get(i % people.size());
            // about one in five people enters twice (their second entry is seq 2)
            int seq = i < people.size() ? 1 : 2;
            Instant started = now.minusSeconds(3000 - rnd.nextInt(2400));
            long duration = 60_000 + rnd.nextLong(1_100_000);
            int correct = Math.min(10, Math.max(0, (int) Math.round(8 + rnd.nextGaussian() * 1.8)));
            rows.add(new Object[] {UUID.randomUUID().toString(), round[0], p[0], p[1], seq, rnd.nextLong(),
                    Timestamp.from(started), Timestamp.from(started.plusMillis(duration)), "SUBMITTED",
                    Timestamp.from(started.plusMillis(duration)), duration, (long) rnd.nextInt(40_000), correct});
        }
        jdbc.batchUpdate("""
                INSERT INTO contest_entry (id, round_id, person_id, unit_path, seq, seed, started_at, deadline,
                                           finished_how, submitted_at, duration_ms, prediction, correct)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.execute("ANALYZE contest_entry");
        System.out.printf(Locale.ROOT, "rows    %,d entries of %,d people in one round%n", entries,
                Math.min(entries, people.size()));

        // the plain query: ranks over the same rows (each person's best entry, then the ordering)
        String plain = """
                WITH best AS (
                  SELECT e.*, ROW_NUMBER() OVER (PARTITION BY person_id ORDER BY correct DESC,
                         ABS(prediction - t.n), duration_ms, submitted_at, id) AS pick
                  FROM contest_entry e,
                       (SELECT COUNT(*) AS n FROM (SELECT person_id FROM contest_entry WHERE round_id = ?
                        GROUP BY person_id HAVING MAX(correct) = 10) x) t
                  WHERE e.round_id = ?)
                SELECT id, RANK() OVER (ORDER BY correct DESC, gap, duration_ms, submitted_at) FROM
                  (SELECT b.*, ABS(prediction - (SELECT COUNT(*) FROM best WHERE pick = 1 AND correct = 10)) AS gap
                   FROM best b WHERE pick = 1) ranked""";
        long[] plainMs = new long[3];
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            int n = jdbc.query(plain, (rs, k) -> rs.getString(1), round[0], round[0]).size();
            plainMs[i] = (System.nanoTime() - t0) / 1_000_000;
            if (i == 0) {
                System.out.printf(Locale.ROOT, "plain   %,d ranked rows%n", n);
            }
        }
        long t0 = System.nanoTime();
        SystemUser.run(SystemUser.SYSTEM, () -> contests.close(round[0]));
        long closeMs = (System.nanoTime() - t0) / 1_000_000;
        Integer trueCount = jdbc.queryForObject("SELECT true_count FROM contest_round WHERE id = ?", Integer.class,
                round[0]);
        Long ranked = jdbc.queryForObject("SELECT COUNT(*) FROM contest_entry WHERE round_id = ? AND rank_no IS NOT NULL",
                Long.class, round[0]);
        System.out.printf(Locale.ROOT, "close   %,d ms (true count %d, %,d ranked, ranks written back)%n", closeMs,
                trueCount, ranked);
        System.out.printf(Locale.ROOT, "plain   %d / %d / %d ms (SQL ranking only, nothing written)%n", plainMs[0],
                plainMs[1], plainMs[2]);
    }
}

package vn.binhdan.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import vn.binhdan.importing.ImportJob;
import vn.binhdan.importing.ImportService;

/**
 * Diagnosis, not a figure: fills the person import's staging table with N generated rows (built
 * in SQL from the same CSV the bench imports) and runs EXPLAIN ANALYZE of the set-based
 * statements of {@code PersonImporter}, each under a statement timeout: copies of the SQL as
 * shipped at commit 554c185 ("shipped"), of the statements that commit replaced ("original")
 * and of rewrites that do not depend on the planner's statistics ("proposed"). Data-changing
 * statements run in one transaction that is rolled back; "diagnostic" ones inside a savepoint.
 * Autovacuum is off for the staging table here, so statistics change only when the lab says so:
 * <ul>
 * <li>default: never analyzed, as right after the first COPY into a new database;</li>
 * <li>{@code --stale-stats}: analyzed while an earlier job's rows filled the table, as every
 * later import meets it unless it analyzes the table itself;</li>
 * <li>{@code --analyze-stage}: analyzed after staging, as PersonImporter does since 554c185.</li>
 * </ul>
 * <p>Usage: {@code -Dbench.main=vn.binhdan.bench.ImportSqlLab
 * -Dbench.args="[rows=100000] [--timeout=600] [--stale-stats] [--analyze-stage] [--only=TEXT]..."}
 */
public final class ImportSqlLab {

    static final String JOB = "lab-job";
    static final String ADMIN = "'PROVINCE','DISTRICT','COMMUNE','WARD','SPECIAL_ZONE','VILLAGE'";

    /** label → SQL with ? for the job id (every ? is the job id). */
    static final Map<String, String> CHECKS = new LinkedHashMap<>();
    static final Map<String, String> APPLY = new LinkedHashMap<>();

    static {
        CHECKS.put("shipped: unknown unit", "SELECT s.row_no, s.unit_code FROM import_person_stage s LEFT JOIN unit u ON u.code = s.unit_code"
                + " AND u.valid_to IS NULL AND u.type IN (" + ADMIN + ") WHERE s.job_id = ? AND u.id IS NULL");
        CHECKS.put("shipped: unknown school", "SELECT s.row_no, s.school_code FROM import_person_stage s LEFT JOIN unit o ON o.code = s.school_code"
                + " AND o.valid_to IS NULL AND o.type IN ('SCHOOL') WHERE s.job_id = ? AND s.school_code IS NOT NULL AND o.id IS NULL");
        CHECKS.put("original (before 554c185): household in two units", """
                SELECT s.row_no, s.household_code FROM import_person_stage s
                WHERE s.job_id = ? AND s.household_code IS NOT NULL AND (
                  EXISTS (SELECT 1 FROM import_person_stage t WHERE t.job_id = s.job_id
                          AND t.household_code = s.household_code AND t.unit_code <> s.unit_code)
                  OR EXISTS (SELECT 1 FROM household h JOIN unit u ON u.id = h.unit_id
                          WHERE h.code = s.household_code AND u.code <> s.unit_code))""");
        CHECKS.put("shipped (554c185, grouped): household in two units", """
                SELECT s.row_no, s.household_code FROM import_person_stage s
                WHERE s.job_id = ? AND s.household_code IN (
                  SELECT t.household_code FROM import_person_stage t WHERE t.job_id = ? AND t.household_code IS NOT NULL
                  GROUP BY t.household_code HAVING MIN(t.unit_code) <> MAX(t.unit_code))
                UNION
                SELECT s.row_no, s.household_code FROM import_person_stage s
                JOIN household h ON h.code = s.household_code JOIN unit u ON u.id = h.unit_id
                WHERE s.job_id = ? AND u.code <> s.unit_code""");
        CHECKS.put("proposed (window, one scan): household in two units", """
                SELECT x.row_no, x.household_code FROM (
                  SELECT s.row_no, s.household_code,
                    MIN(s.unit_code) OVER (PARTITION BY s.household_code) AS lo,
                    MAX(s.unit_code) OVER (PARTITION BY s.household_code) AS hi
                  FROM import_person_stage s WHERE s.job_id = ? AND s.household_code IS NOT NULL) x
                WHERE x.lo <> x.hi
                UNION
                SELECT s.row_no, s.household_code FROM import_person_stage s
                JOIN household h ON h.code = s.household_code JOIN unit u ON u.id = h.unit_id
                WHERE s.job_id = ? AND u.code <> s.unit_code""");
        CHECKS.put("shipped (554c185): same ID, different data", """
                SELECT s.id_hash, s.row_no, s.id_last3 FROM import_person_stage s
                WHERE s.job_id = ? AND s.id_hash IN (SELECT id_hash FROM import_person_stage WHERE job_id = ?
                  GROUP BY id_hash HAVING MIN(data_hash) <> MAX(data_hash))
                ORDER BY s.id_hash, s.row_no""");
        CHECKS.put("original (before 554c185): same ID, different data", """
                SELECT s.id_hash, s.row_no, s.id_last3 FROM import_person_stage s
                WHERE s.job_id = ? AND s.id_hash IN (SELECT id_hash FROM import_person_stage WHERE job_id = ?
                  GROUP BY id_hash HAVING COUNT(DISTINCT data_hash) > 1)
                ORDER BY s.id_hash, s.row_no""");
        CHECKS.put("proposed (window, one scan): same ID, different data", """
                SELECT x.id_hash, x.row_no, x.id_last3 FROM (
                  SELECT s.id_hash, s.row_no, s.id_last3,
                    MIN(s.data_hash) OVER (PARTITION BY s.id_hash) AS lo,
                    MAX(s.data_hash) OVER (PARTITION BY s.id_hash) AS hi
                  FROM import_person_stage s WHERE s.job_id = ?) x
                WHERE x.lo <> x.hi
                ORDER BY x.id_hash, x.row_no""");
        APPLY.put("shipped: collapse identical duplicates", """
                DELETE FROM import_person_stage WHERE job_id = ? AND EXISTS (SELECT 1 FROM import_person_stage t
                  WHERE t.job_id = import_person_stage.job_id AND t.id_hash = import_person_stage.id_hash
                  AND t.row_no < import_person_stage.row_no)""");
        APPLY.put("shipped: count outcome", """
                SELECT COUNT(*), SUM(CASE WHEN p.id IS NULL THEN 1 ELSE 0 END),
                  SUM(CASE WHEN p.id IS NOT NULL AND p.data_hash <> s.data_hash THEN 1 ELSE 0 END)
                FROM import_person_stage s LEFT JOIN person p ON p.id_hash = s.id_hash WHERE s.job_id = ?""");
        APPLY.put("shipped: insert households", """
                INSERT INTO household (code, unit_id)
                SELECT s.household_code, MIN(u.id) FROM import_person_stage s JOIN unit u ON u.code = s.unit_code
                WHERE s.job_id = ? AND s.household_code IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM household h WHERE h.code = s.household_code)
                GROUP BY s.household_code""");
        APPLY.put("shipped: drop memberships of changed persons", """
                DELETE FROM person_group WHERE person_id IN (SELECT p.id FROM person p JOIN import_person_stage s
                  ON s.id_hash = p.id_hash WHERE s.job_id = ? AND p.data_hash <> s.data_hash)""");
        APPLY.put("shipped: merge changed persons", """
                MERGE INTO person p
                USING (SELECT s.*, u.id AS unit_id, h.id AS household_id FROM import_person_stage s
                       JOIN unit u ON u.code = s.unit_code LEFT JOIN household h ON h.code = s.household_code
                       WHERE s.job_id = ?) s
                ON p.id_hash = s.id_hash
                WHEN MATCHED AND p.data_hash <> s.data_hash THEN UPDATE SET
                  full_name = s.full_name, name_folded = s.name_folded, birth_date = s.birth_date, sex = s.sex,
                  ethnicity = s.ethnicity, disability = s.disability, phone = s.phone,
                  residence_unit_id = s.unit_id, household_id = s.household_id, data_hash = s.data_hash,
                  updated_at = CURRENT_TIMESTAMP""");
        APPLY.put("diagnostic (rolled back): insert new persons without the trigram index", """
                DROP INDEX ix_person_name_trgm;
                INSERT INTO person (full_name, name_folded, birth_date, sex, ethnicity, disability, phone, id_hash,
                  id_last3, residence_unit_id, household_id, data_hash)
                SELECT s.full_name, s.name_folded, s.birth_date, s.sex, s.ethnicity, s.disability, s.phone, s.id_hash,
                  s.id_last3, u.id, h.id, s.data_hash
                FROM import_person_stage s JOIN unit u ON u.code = s.unit_code
                LEFT JOIN household h ON h.code = s.household_code
                WHERE s.job_id = ? AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id_hash = s.id_hash)""");
        APPLY.put("shipped: insert new persons", """
                INSERT INTO person (full_name, name_folded, birth_date, sex, ethnicity, disability, phone, id_hash,
                  id_last3, residence_unit_id, household_id, data_hash)
                SELECT s.full_name, s.name_folded, s.birth_date, s.sex, s.ethnicity, s.disability, s.phone, s.id_hash,
                  s.id_last3, u.id, h.id, s.data_hash
                FROM import_person_stage s JOIN unit u ON u.code = s.unit_code
                LEFT JOIN household h ON h.code = s.household_code
                WHERE s.job_id = ? AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id_hash = s.id_hash)""");
        APPLY.put("diagnostic (rolled back): proposed memberships STUDENT, rows without a school skipped first",
                "INSERT INTO person_group (person_id, group_code, org_unit_id, school_level)"
                + " SELECT p.id, 'STUDENT', o.id, s.school_level"
                + " FROM import_person_stage s JOIN person p ON p.id_hash = s.id_hash"
                + " JOIN unit o ON o.code = s.school_code"
                + " WHERE s.job_id = ? AND s.school_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person_group g"
                + " WHERE g.person_id = p.id AND g.group_code = 'STUDENT')");
        APPLY.put("shipped: memberships STUDENT", "INSERT INTO person_group (person_id, group_code, org_unit_id, school_level)"
                + " SELECT p.id, 'STUDENT', o.id, s.school_level"
                + " FROM import_person_stage s JOIN person p ON p.id_hash = s.id_hash"
                + " JOIN unit o ON o.code = s.school_code"
                + " WHERE s.job_id = ? AND NOT EXISTS (SELECT 1 FROM person_group g WHERE g.person_id = p.id"
                + " AND g.group_code = 'STUDENT')");
    }

    private ImportSqlLab() {
    }

    public static void main(String[] args) throws Exception {
        long rows = 100_000;
        int timeout = 600;
        boolean analyzeStage = false;
        boolean staleStats = false;
        List<String> only = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--timeout=")) {
                timeout = Integer.parseInt(a.substring(10));
            } else if (a.equals("--analyze-stage")) {
                analyzeStage = true;
            } else if (a.equals("--stale-stats")) {
                staleStats = true;
            } else if (a.startsWith("--only=")) {
                only.add(a.substring(7));
            } else if (!a.isBlank()) {
                rows = Long.parseLong(a.replace("_", "").replace(",", ""));
            }
        }
        Path work = Files.createTempDirectory("binhdan-lab-");
        int code = 0;
        try {
            Path units = work.resolve("units.csv");
            Path persons = work.resolve("persons.csv");
            DataGen.writeUnits(units);
            DataGen.writePersons(persons, rows, 20250701L);
            try (EmbeddedPostgres pg = Harness.startPostgres(work, null, Map.of(), null);
                 ConfigurableApplicationContext ctx = Harness.startApp(Harness.url(pg), work)) {
                ImportJob u = Harness.importFile(ctx.getBean(ImportService.class), "UNIT", units, null);
                if (u.status() != ImportJob.Status.DONE) {
                    throw new IllegalStateException("unit import: " + u.message());
                }
                DataSource ds = ctx.getBean(DataSource.class);
                if (staleStats) {
                    // what every import after the first one meets: statistics gathered (by autovacuum)
                    // while an earlier job's rows filled the staging table
                    stage(ds, persons, rows, "lab-earlier-job", true);
                    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                        st.execute("DELETE FROM import_person_stage WHERE job_id = 'lab-earlier-job'");
                    }
                    System.out.println("lab     earlier job's rows deleted; statistics of the staging table left as they were");
                }
                stage(ds, persons, rows, JOB, analyzeStage);
                try (Connection c = ds.getConnection()) {
                    try (Statement st = c.createStatement()) {
                        st.execute("SET statement_timeout = '" + timeout + "s'");
                    }
                    System.out.printf(Locale.ROOT, "%n==== set checks over %,d staged rows (statement timeout %d s) ====%n", rows, timeout);
                    for (var e : CHECKS.entrySet()) {
                        if (only.isEmpty() || only.stream().anyMatch(e.getKey()::contains)) {
                            explain(c, e.getKey(), e.getValue());
                        }
                    }
                    System.out.printf(Locale.ROOT, "%n==== apply, in one transaction rolled back afterwards ====%n");
                    c.setAutoCommit(false);
                    try (Statement st = c.createStatement()) {
                        st.execute("SET LOCAL work_mem = '64MB'"); // as PersonImporter.apply since 7e7181e
                    }
                    for (var e : APPLY.entrySet()) {
                        if (!only.isEmpty() && only.stream().noneMatch(e.getKey()::contains)) {
                            continue;
                        }
                        if (e.getKey().startsWith("diagnostic")) {
                            try (Statement st = c.createStatement()) {
                                st.execute("SAVEPOINT diagnostic");
                                String sql = e.getValue();
                                if (sql.startsWith("DROP INDEX")) {
                                    st.execute(sql.substring(0, sql.indexOf(';')));
                                    sql = sql.substring(sql.indexOf(';') + 1).strip();
                                }
                                explain(c, e.getKey(), sql);
                                st.execute("ROLLBACK TO SAVEPOINT diagnostic");
                            }
                        } else {
                            explain(c, e.getKey(), e.getValue());
                        }
                    }
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        } catch (Exception e) {
            e.printStackTrace(System.out);
            code = 1;
        } finally {
            Harness.deleteTree(work);
        }
        System.exit(code);
    }

    /** COPY the CSV into an all-text table, then derive staging rows from it in SQL. */
    private static void stage(DataSource ds, Path persons, long rows, String job, boolean analyze) throws Exception {
        long t = System.nanoTime();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            // in the lab, statistics change only when the lab says so, not when autovacuum wakes up
            st.execute("ALTER TABLE import_person_stage SET (autovacuum_enabled = false)");
            StringBuilder ddl = new StringBuilder("CREATE TABLE lab_raw (");
            String[] cols = DataGen.PERSON_HEADER.split(",");
            for (int i = 0; i < cols.length; i++) {
                ddl.append(i == 0 ? "" : ", ").append(cols[i]).append(" text");
            }
            st.execute(ddl.append(")").toString());
            try (InputStream in = new BufferedInputStream(Files.newInputStream(persons), 1 << 16)) {
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY lab_raw FROM STDIN WITH (FORMAT csv, HEADER true)", in, 1 << 16);
            }
            int n = st.executeUpdate("""
                    INSERT INTO import_person_stage (job_id, row_no, id_hash, id_last3, full_name, name_folded, birth_date,
                      sex, ethnicity, disability, phone, unit_code, household_code, agency_code, school_code, school_level,
                      enterprise_code, data_hash)
                    SELECT '%s', n + 1, encode(sha256(convert_to(so_cccd, 'UTF8')), 'hex'), right(so_cccd, 3), ho_va_ten,
                      lower(ho_va_ten), to_date(ngay_sinh, 'DD/MM/YYYY'),
                      CASE gioi_tinh WHEN 'Nam' THEN 'MALE' ELSE 'FEMALE' END, dan_toc, khuyet_tat, so_dien_thoai,
                      ma_don_vi, ma_ho, ma_co_quan, ma_truong,
                      CASE cap_hoc WHEN 'Tiểu học' THEN 'PRIMARY' WHEN 'THCS' THEN 'LOWER_SECONDARY'
                        WHEN 'THPT' THEN 'UPPER_SECONDARY' WHEN 'Cao đẳng' THEN 'VOCATIONAL' END,
                      ma_doanh_nghiep,
                      encode(sha256(convert_to(concat_ws(chr(31), ho_va_ten, ngay_sinh, gioi_tinh, ma_don_vi, dan_toc,
                        khuyet_tat, so_dien_thoai, ma_ho, ma_co_quan, ma_truong, cap_hoc, ma_doanh_nghiep), 'UTF8')), 'hex')
                    FROM (SELECT row_number() OVER () AS n, r.* FROM lab_raw r) x""".formatted(job));
            if (n != rows) {
                throw new IllegalStateException("staged " + n + " of " + rows);
            }
            st.execute("DROP TABLE lab_raw");
            if (analyze) {
                st.execute("ANALYZE import_person_stage");
            }
        }
        System.out.printf(Locale.ROOT, "lab     staged %,d rows as %s in %.1f s%s%n", rows, job, (System.nanoTime() - t) / 1e9,
                analyze ? " (stage ANALYZEd)" : " (stage not analyzed, as in the platform)");
    }

    private static void explain(Connection c, String label, String sql) throws SQLException {
        int params = (int) sql.chars().filter(ch -> ch == '?').count();
        System.out.println();
        System.out.println("-- " + label);
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 1; i <= params; i++) {
                ps.setString(i, JOB);
            }
            List<String> plan = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
            System.out.println("   plan: " + String.join("\n         ", plan.subList(0, Math.min(plan.size(), 30))));
        }
        long t = System.nanoTime();
        Statement sp = null;
        if (!c.getAutoCommit()) {
            sp = c.createStatement();
            sp.execute("SAVEPOINT lab");
        }
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            for (int i = 1; i <= params; i++) {
                ps.setString(i, JOB);
            }
            List<String> plan = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
            System.out.println("   analyze: " + String.join("\n            ", plan.subList(0, Math.min(plan.size(), 40))));
            System.out.printf(Locale.ROOT, "   => %s: %.2f s%n", label, (System.nanoTime() - t) / 1e9);
        } catch (SQLException e) {
            if (!"57014".equals(e.getSQLState())) {
                throw e;
            }
            boolean timeout = e.getMessage() != null && e.getMessage().contains("statement timeout");
            System.out.printf(Locale.ROOT, "   => %s: CANCELLED %s after %.0f s%n", label,
                    timeout ? "by the lab's statement timeout" : "from outside the lab (" + e.getMessage() + ")",
                    (System.nanoTime() - t) / 1e9);
            if (sp != null) {
                sp.execute("ROLLBACK TO SAVEPOINT lab");
            }
        }
    }
}

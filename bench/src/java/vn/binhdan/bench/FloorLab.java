package vn.binhdan.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import vn.binhdan.importing.ImportService;
import vn.binhdan.people.NationalIds;
import vn.binhdan.people.internal.DataHash;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.shared.tabular.Cell;
import vn.binhdan.shared.tabular.RowHandler;
import vn.binhdan.shared.tabular.TabularFormat;
import vn.binhdan.shared.tabular.TabularReader;

/**
 * The floor of the person import, step by step: what the Java side costs alone (read, hash,
 * fold), and what a COPY of ready rows straight into {@code person}, {@code household} and
 * {@code person_group} costs with the shipped indexes and foreign keys, and without some of them.
 * Every database step runs in a transaction that is rolled back.
 * Usage: {@code FloorLab [rows=1000000]} (bench profile, {@code -Dbench.main=vn.binhdan.bench.FloorLab}).
 */
public final class FloorLab {

    static final java.time.format.DateTimeFormatter DMY = java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private FloorLab() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        Path work = Files.createTempDirectory("binhdan-floor-");
        try (EmbeddedPostgres pg = Harness.startPostgres(work, null, Map.of(), null);
             ConfigurableApplicationContext ctx = Harness.startApp(Harness.url(pg), work)) {
            Path units = work.resolve("units.csv");
            Path persons = work.resolve("persons.csv");
            DataGen.writeUnits(units);
            DataGen.writePersons(persons, rows, 20250701L);
            ImportService imports = ctx.getBean(ImportService.class);
            System.out.println("units   " + Harness.importFile(imports, "UNIT", units, null).status());
            DataSource ds = ctx.getBean(DataSource.class);
            NationalIds ids = ctx.getBean(NationalIds.class);

            if (args.length > 1 && args[1].equals("locks")) {
                try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                    c.setAutoCommit(false);
                    for (String ddl : new String[]{"ALTER TABLE person DROP CONSTRAINT person_residence_unit_id_fkey",
                            "ALTER TABLE household DROP CONSTRAINT household_unit_id_fkey",
                            "ALTER TABLE person_group DROP CONSTRAINT person_group_person_id_fkey",
                            "ALTER TABLE person_group DROP CONSTRAINT person_group_org_unit_id_fkey",
                            "ALTER TABLE person DROP CONSTRAINT ux_person_id_hash", "DROP INDEX ix_person_name_trgm"}) {
                        st.execute(ddl);
                        try (ResultSet rs = st.executeQuery("SELECT string_agg(c.relname || ':' || l.mode, ', ' ORDER BY c.relname)"
                                + " FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.pid = pg_backend_pid()"
                                + " AND c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace")) {
                            rs.next();
                            System.out.println("locks after " + ddl + ": " + rs.getString(1));
                        }
                    }
                    c.rollback();
                }
                System.exit(0);
            }
            // baseline
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                StringBuilder ddl = new StringBuilder("CREATE TABLE bench_copy_baseline (");
                String[] cols = DataGen.PERSON_HEADER.split(",");
                for (int i = 0; i < cols.length; i++) {
                    ddl.append(i == 0 ? "" : ", ").append(cols[i]).append(" text");
                }
                st.execute(ddl.append(")").toString());
                st.execute("CHECKPOINT");
            }
            long t = System.nanoTime();
            try (Connection c = ds.getConnection();
                 InputStream in = new BufferedInputStream(Files.newInputStream(persons), 1 << 16)) {
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY bench_copy_baseline FROM STDIN WITH (FORMAT csv, HEADER true)", in, 1 << 16);
            }
            report("COPY baseline (bare text table)", t, rows);

            // Java alone
            boolean javaSteps = !Boolean.getBoolean("floor.skipJava");
            t = System.nanoTime();
            long[] n = {0};
            TabularReader.read(persons, TabularFormat.CSV, new RowHandler() {
                @Override
                public void row(long rowNo, List<Cell> cells) {
                    n[0] += cells.size();
                }
            });
            report("java: TabularReader.read alone", t, rows);
            NationalIds.Hasher hasher = ids.hasher();
            DataHash dh = new DataHash();
            t = System.nanoTime();
            TabularReader.read(persons, TabularFormat.CSV, new RowHandler() {
                @Override
                public void row(long rowNo, List<Cell> cells) {
                    n[0] += hasher.hash(cells.get(3).text()).length();
                }
            });
            report("java: read + HMAC", t, rows);
            t = System.nanoTime();
            TabularReader.read(persons, TabularFormat.CSV, new RowHandler() {
                @Override
                public void row(long rowNo, List<Cell> cells) {
                    n[0] += dh.of(cells.get(0).text(), cells.get(1).text(), cells.get(2).text(), cells.get(4).text(),
                            cells.get(5).text(), cells.get(6).text(), cells.get(7).text(), cells.get(8).text()).length();
                }
            });
            report("java: read + SHA-256 data hash", t, rows);
            t = System.nanoTime();
            TabularReader.read(persons, TabularFormat.CSV, new RowHandler() {
                @Override
                public void row(long rowNo, List<Cell> cells) {
                    n[0] += VietnameseText.fold(cells.get(0).text()).length();
                }
            });
            report("java: read + fold", t, rows);
            t = System.nanoTime();
            TabularReader.read(persons, TabularFormat.CSV, new RowHandler() {
                @Override
                public void row(long rowNo, List<Cell> cells) {
                    n[0] += LocalDate.parse(cells.get(1).text(), DMY).getYear();
                }
            });
            report("java: read + date parse", t, rows);

            // ready rows for person, household, person_group
            Map<String, Long> unitIds = new HashMap<>();
            long maxPerson;
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT code, id FROM unit")) {
                    while (rs.next()) {
                        unitIds.put(rs.getString(1), rs.getLong(2));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM person")) {
                    rs.next();
                    maxPerson = rs.getLong(1);
                }
            }
            Path personTxt = work.resolve("person.txt");
            Path householdTxt = work.resolve("household.txt");
            Path groupTxt = work.resolve("group.txt");
            Map<String, Long> households = new LinkedHashMap<>();
            long[] pid = {maxPerson + 1000};
            t = System.nanoTime();
            try (BufferedWriter pw = Files.newBufferedWriter(personTxt, StandardCharsets.UTF_8);
                 BufferedWriter gw = Files.newBufferedWriter(groupTxt, StandardCharsets.UTF_8);
                 BufferedWriter hw = Files.newBufferedWriter(householdTxt, StandardCharsets.UTF_8)) {
                TabularReader.read(persons, TabularFormat.CSV, new RowHandler() {
                    @Override
                    public void row(long rowNo, List<Cell> c) {
                        try {
                            long id = pid[0]++;
                            long unit = unitIds.get(c.get(4).text());
                            String hh = c.get(8).text();
                            Long hid = households.get(hh);
                            if (hid == null) {
                                hid = 1_000_000_000L + households.size();
                                households.put(hh, hid);
                                hw.write(hid + "\t" + hh + "\t" + unit + "\n");
                            }
                            String name = c.get(0).text();
                            LocalDate b = LocalDate.parse(c.get(1).text(), DMY);
                            pw.write(id + "\t" + name + "\t" + VietnameseText.fold(name) + "\t" + b + "\t"
                                    + (c.get(2).text().equals("Nam") ? "MALE" : "FEMALE") + "\t" + c.get(5).text() + "\t"
                                    + (c.get(6).text().isEmpty() ? "\\N" : c.get(6).text()) + "\t"
                                    + (c.get(7).text().isEmpty() ? "\\N" : c.get(7).text()) + "\t"
                                    + hasher.hash(c.get(3).text()) + "\t" + c.get(3).text().substring(9) + "\t" + unit
                                    + "\t" + hid + "\t" + dh.of(name, b, c.get(2).text()) + "\n");
                            if (!c.get(9).text().isEmpty()) {
                                gw.write(id + "\tCIVIL_SERVANT\t" + unitIds.get(c.get(9).text()) + "\t\\N\n");
                            } else if (!c.get(10).text().isEmpty()) {
                                gw.write(id + "\tSTUDENT\t" + unitIds.get(c.get(10).text()) + "\tPRIMARY\n");
                            } else if (!c.get(12).text().isEmpty()) {
                                gw.write(id + "\tWORKER\t" + unitIds.get(c.get(12).text()) + "\t\\N\n");
                            }
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
            }
            report("java: read + everything + write 3 COPY files", t, rows);
            System.out.printf(Locale.ROOT, "files   person %d MB, household %d MB (%d), group %d MB%n",
                    Files.size(personTxt) >> 20, Files.size(householdTxt) >> 20, households.size(),
                    Files.size(groupTxt) >> 20);

            String pcols = "(id, full_name, name_folded, birth_date, sex, ethnicity, disability, phone, id_hash, id_last3,"
                    + " residence_unit_id, household_id, data_hash)";
            String fkU = "ALTER TABLE person DROP CONSTRAINT person_residence_unit_id_fkey";
            String fkH = "ALTER TABLE person DROP CONSTRAINT person_household_id_fkey";
            String[][] all = {
                    {"as shipped (6 indexes, 2 FKs)"},
                    {"without FKs of person", fkU, fkH},
                    {"without trigram index", "DROP INDEX ix_person_name_trgm"},
                    {"without id_hash unique", "ALTER TABLE person DROP CONSTRAINT ux_person_id_hash"},
                    {"without name prefix btree", "DROP INDEX ix_person_name_prefix"},
                    {"without id_hash, prefix", "ALTER TABLE person DROP CONSTRAINT ux_person_id_hash", "DROP INDEX ix_person_name_prefix"},
                    {"without unit/household btrees", "DROP INDEX ix_person_unit", "DROP INDEX ix_person_household"},
                    {"household FK to unit dropped", "ALTER TABLE household DROP CONSTRAINT household_unit_id_fkey", fkH, fkU},
                    {"unitFK-only (no secondary index)", "DROP INDEX ix_person_name_trgm", "DROP INDEX ix_person_name_prefix",
                            "DROP INDEX ix_person_unit", "DROP INDEX ix_person_household",
                            "ALTER TABLE person DROP CONSTRAINT ux_person_id_hash", fkH},
                    {"onlyPK (no secondary index, no FK)", "DROP INDEX ix_person_name_trgm", "DROP INDEX ix_person_name_prefix",
                            "DROP INDEX ix_person_unit", "DROP INDEX ix_person_household",
                            "ALTER TABLE person DROP CONSTRAINT ux_person_id_hash", fkU, fkH},
            };
            String only = args.length > 1 ? args[1] : "";
            List<String[]> variantList = new java.util.ArrayList<>();
            for (String[] v : all) {
                if (only.isEmpty() || java.util.Arrays.stream(only.split(",")).anyMatch(o -> v[0].contains(o))) {
                    variantList.add(v);
                }
            }
            String[][] variants = variantList.toArray(String[][]::new);
            for (String[] v : variants) {
                try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                    c.setAutoCommit(false);
                    st.execute("SET LOCAL work_mem = '64MB'");
                    st.execute("SET LOCAL maintenance_work_mem = '256MB'");
                    for (int i = 1; i < v.length; i++) {
                        st.execute(v[i]);
                    }
                    var copy = c.unwrap(PGConnection.class).getCopyAPI();
                    long[] wal0 = wal(st);
                    t = System.nanoTime();
                    try (InputStream in = Files.newInputStream(householdTxt)) {
                        copy.copyIn("COPY household (id, code, unit_id) FROM STDIN", in, 1 << 16);
                    }
                    double hs = (System.nanoTime() - t) / 1e9;
                    long t2 = System.nanoTime();
                    try (InputStream in = Files.newInputStream(personTxt)) {
                        copy.copyIn("COPY person " + pcols + " FROM STDIN", in, 1 << 16);
                    }
                    double ps = (System.nanoTime() - t2) / 1e9;
                    long t3 = System.nanoTime();
                    try (InputStream in = Files.newInputStream(groupTxt)) {
                        copy.copyIn("COPY person_group (person_id, group_code, org_unit_id, school_level) FROM STDIN", in, 1 << 16);
                    }
                    double gs = (System.nanoTime() - t3) / 1e9;
                    StringBuilder rebuild = new StringBuilder();
                    if (v[0].startsWith("onlyPK")) {
                        String[] ddl = {"CREATE INDEX ix_person_name_trgm ON person USING gin (name_folded gin_trgm_ops)",
                                "CREATE INDEX ix_person_name_prefix ON person (name_folded)",
                                "CREATE INDEX ix_person_unit ON person (residence_unit_id)",
                                "CREATE INDEX ix_person_household ON person (household_id)",
                                "ALTER TABLE person ADD CONSTRAINT ux_person_id_hash UNIQUE (id_hash)",
                                "ALTER TABLE person ADD CONSTRAINT person_residence_unit_id_fkey FOREIGN KEY (residence_unit_id) REFERENCES unit (id)",
                                "ALTER TABLE person ADD CONSTRAINT person_household_id_fkey FOREIGN KEY (household_id) REFERENCES household (id)"};
                        for (String d : ddl) {
                            long t4 = System.nanoTime();
                            st.execute(d);
                            rebuild.append(String.format(Locale.ROOT, "%n          %.1f s  %s", (System.nanoTime() - t4) / 1e9, d));
                        }
                    }
                    long[] wal1 = wal(st);
                    System.out.printf(Locale.ROOT, "apply   %-40s household %.1f s, person %.1f s (%,.0f rows/s), person_group %.1f s, total %.1f s; WAL %d MB, %d FPI%s%n",
                            v[0], hs, ps, rows / ps, gs, (System.nanoTime() - t) / 1e9, (wal1[0] - wal0[0]) >> 20, wal1[1] - wal0[1], rebuild);
                    c.rollback();
                }
            }
        } finally {
            Harness.deleteTree(work);
        }
        System.exit(0);
    }

    private static long[] wal(Statement st) throws java.sql.SQLException {
        try (ResultSet rs = st.executeQuery("SELECT wal_bytes, wal_fpi FROM pg_stat_wal")) {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2)};
        }
    }

    private static void report(String what, long t, long rows) {
        double s = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, "%-50s %.2f s = %,.0f rows/s%n", what, s, rows / s);
    }
}

package vn.binhdan.people.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.binhdan.importing.ImportOutcome;
import vn.binhdan.importing.ImportRun;
import vn.binhdan.people.NationalIds;
import vn.binhdan.people.PersonService;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.shared.tabular.Cell;
import vn.binhdan.shared.tabular.RowHandler;

/**
 * The person import's path for large loads on PostgreSQL (a first load, or a file at least as
 * large as the registry). Same row checks, same set checks, same all-or-nothing outcome as the
 * staging path, but:
 * <ul>
 * <li>the set checks (unknown or out-of-scope unit and organisations, a household in two units,
 * one ID number with different data) run in Java while the file is read, over compact maps;</li>
 * <li>persons whose ID hash is not in the registry are COPY'd straight into {@code person}
 * with ids taken from its sequence, their households and memberships into theirs — all in one
 * transaction that holds the person tables locked and is rolled back if any row failed;</li>
 * <li>the indexes of {@code person} and the foreign keys between the person tables are dropped
 * for the load and built again at its end, inside the same transaction: one sort per index
 * instead of a million random insertions (the search needs these indexes, they are all back
 * before the commit);</li>
 * <li>the few rows whose ID hash may already be registered go through the staging table and
 * {@link PersonImporter#mergeStaged}, so a re-import still changes nothing.</li>
 * </ul>
 * While the load runs, the person tables are locked: searches wait for the commit.
 */
final class DirectPersonLoad {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DirectPersonLoad.class);

    static final String PERSON_COLUMNS = "id, full_name, name_folded, birth_date, sex, ethnicity, disability, phone, "
            + "id_hash, id_last3, residence_unit_id, household_id, data_hash";

    private static final Set<String> ADMIN = Set.copyOf(PersonImporter.ADMIN_TYPES);
    private static final Set<String> AGENCY = Set.of("DEPARTMENT", "AGENCY", "COMMUNE_OFFICE");
    private static final Set<String> SCHOOL = Set.of("SCHOOL");
    private static final Set<String> ENTERPRISE = Set.of("ENTERPRISE", "COOPERATIVE");

    private record UnitRef(long id, String code, String name, String type, String path, boolean current) {
    }

    /** A household named in the file: registered already, or new with an id taken for it. */
    private static final class Household {
        final long id;
        final long unitId;
        final String registryUnit; // unit code in the registry, null when new
        String fileUnit;
        boolean conflict;

        Household(long id, long unitId, String registryUnit) {
            this.id = id;
            this.unitId = unitId;
            this.registryUnit = registryUnit;
        }
    }

    private record RowError(long row, String key, Object[] args) {
    }

    private final PersonImporter importer;
    private final DataSource dataSource;
    private final NationalIds ids;
    private final LocalDate today;

    DirectPersonLoad(PersonImporter importer, DataSource dataSource, NationalIds ids, LocalDate today) {
        this.importer = importer;
        this.dataSource = dataSource;
        this.ids = ids;
        this.today = today;
    }

    /**
     * Whether a file of about {@code rows} rows is a large load: the registry holds no more
     * persons than the file, so rebuilding the person indexes costs at most twice the file's rows.
     */
    static boolean wanted(JdbcClient jdbc, long rows) {
        String mode = System.getProperty("binhdan.import.person.direct", System.getenv("BINHDAN_IMPORT_PERSON_DIRECT"));
        if ("never".equals(mode)) {
            return false;
        }
        if ("always".equals(mode)) {
            return true;
        }
        long existing = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM person LIMIT ?) p").param(rows + 1)
                .query(Long.class).single();
        return existing <= rows;
    }

    ImportOutcome run(ImportRun run, long expectedRows) {
        try (Connection t = dataSource.getConnection()) {
            t.setAutoCommit(false);
            boolean done = false;
            try {
                ImportOutcome outcome = load(run, t, expectedRows);
                if (run.errorCount() == 0) {
                    t.commit();
                } else {
                    t.rollback();
                }
                done = true;
                return outcome;
            } finally {
                if (!done) {
                    t.rollback();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("person import failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportOutcome load(ImportRun run, Connection t, long expectedRows) throws SQLException, IOException {
        String job = run.jobId();
        Map<String, UnitRef> units = new HashMap<>();
        Map<Long, String> unitCodes = new HashMap<>();
        Map<String, Household> households = new HashMap<>();
        StringBuilder newHouseholds = new StringBuilder(); // COPY rows of the households the file creates
        LongTables.LongSet registered;
        long personBase;
        long householdBase;
        String personSeq;
        String householdSeq;
        List<String[]> rebuild;
        try (Statement st = t.createStatement()) {
            // writers wait until the commit, readers of these tables too (indexes are dropped below)
            st.execute("LOCK TABLE person, household, person_group IN ACCESS EXCLUSIVE MODE");
            st.execute("SET LOCAL maintenance_work_mem = '256MB'");
            st.execute("SET LOCAL work_mem = '64MB'");
            rebuild = dropIndexes(st);
            st.setFetchSize(10_000); // the registry's households and ID hashes stream in rather than arrive whole
            try (ResultSet rs = st.executeQuery("SELECT id, code, name, type, path, valid_to IS NULL FROM unit")) {
                while (rs.next()) {
                    UnitRef u = new UnitRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBoolean(6));
                    units.put(u.code(), u);
                    unitCodes.put(u.id(), u.code());
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT id, code, unit_id FROM household")) {
                while (rs.next()) {
                    long unitId = rs.getLong(3);
                    households.put(rs.getString(2), new Household(rs.getLong(1), unitId, unitCodes.get(unitId)));
                }
            }
            registered = new LongTables.LongSet(16);
            try (ResultSet rs = st.executeQuery("SELECT id_hash FROM person WHERE id_hash IS NOT NULL")) {
                while (rs.next()) {
                    registered.add(LongTables.hexPrefix(rs.getString(1), 0));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT pg_get_serial_sequence('person', 'id'),"
                    + " pg_get_serial_sequence('household', 'id')")) {
                rs.next();
                personSeq = rs.getString(1);
                householdSeq = rs.getString(2);
            }
            // nobody else can insert persons or households until the commit: the ids from here on are ours
            try (ResultSet rs = st.executeQuery("SELECT nextval('" + personSeq + "'), nextval('" + householdSeq + "')")) {
                rs.next();
                personBase = rs.getLong(1);
                householdBase = rs.getLong(2);
            }
        }

        List<String> scopes = run.user().scopePaths(PersonService.EDITORS);
        boolean everywhere = scopes.contains("/");
        List<RowError> unknownUnit = new ArrayList<>();
        List<RowError> forbidden = new ArrayList<>();
        List<RowError> agency = new ArrayList<>();
        List<RowError> school = new ArrayList<>();
        List<RowError> enterprise = new ArrayList<>();
        TreeMap<Long, String> registryHousehold = new TreeMap<>();
        Set<Long> duplicateIds = new HashSet<>();
        BitSet good = new BitSet();
        LongTables.DigestTable seen = new LongTables.DigestTable(expectedRows);
        NationalIds.Hasher hasher = ids.hasher();
        DataHash dataHash = new DataHash();
        StringBuilder groups = new StringBuilder();
        long[] counts = new long[4]; // good rows, persons copied, rows staged, new households
        boolean[] conflicts = {false};

        PGCopyOutputStream copyOut = new PGCopyOutputStream(t.unwrap(PGConnection.class), "COPY person ("
                + PERSON_COLUMNS + ") FROM STDIN", 1 << 16);
        Writer person = new BufferedWriter(new OutputStreamWriter(copyOut, StandardCharsets.UTF_8), 1 << 16);
        StageWriter[] stage = {null};
        Connection[] stageConnection = {null};
        try {
            run.read(new RowHandler() {
                @Override
                public void row(long rowNo, List<Cell> cells) {
                    run.rowRead();
                    PersonImporter.Parsed p = importer.parse(run, rowNo, cells, today);
                    if (p == null) {
                        return;
                    }
                    counts[0]++;
                    good.set(Math.toIntExact(rowNo));
                    // ---- set checks, in Java: each failing row gets its own error, reported after the file
                    UnitRef u = units.get(p.unit());
                    boolean bad = false;
                    if (u == null || !u.current() || !ADMIN.contains(u.type())) {
                        unknownUnit.add(new RowError(rowNo, "person.unit.unknown", new Object[]{p.unit()}));
                        bad = true;
                    }
                    if (!everywhere && u != null && scopes.stream().noneMatch(u.path()::startsWith)) {
                        forbidden.add(new RowError(rowNo, "person.forbiddenUnit", new Object[]{u.name()}));
                        bad = true;
                    }
                    bad |= org(p.agency(), AGENCY, "import.person.unknownAgency", rowNo, agency);
                    bad |= org(p.school(), SCHOOL, "import.person.unknownSchool", rowNo, school);
                    bad |= org(p.enterprise(), ENTERPRISE, "import.person.unknownEnterprise", rowNo, enterprise);
                    Household h = null;
                    if (p.household() != null) {
                        h = households.get(p.household());
                        if (h == null) {
                            h = new Household(householdBase + counts[3]++, u == null ? 0 : u.id(), null);
                            households.put(p.household(), h);
                            newHouseholds.append(h.id).append('\t');
                            field(newHouseholds, p.household());
                            newHouseholds.append('\t').append(h.unitId).append('\n');
                        }
                        if (h.registryUnit != null && !h.registryUnit.equals(p.unit())) { // household FK: never null for a registered one
                            registryHousehold.put(rowNo, p.household());
                            bad = true;
                        }
                        if (h.fileUnit == null) {
                            h.fileUnit = u == null ? p.unit() : u.code(); // one string per unit, not per household
                        } else if (!h.fileUnit.equals(p.unit())) {
                            h.conflict = true;
                            conflicts[0] = true;
                        }
                    }
                    String level = p.level() == null ? null : p.level().name();
                    String digest = dataHash.of(p.name(), p.birth(), p.sex(), p.ethnicity(), p.disability(), p.phone(),
                            p.unit(), p.household(), p.agency(), p.school(), level, p.enterprise());
                    long idNumber = Long.parseLong(p.id());
                    int dup = seen.putIfAbsent(idNumber, LongTables.hexPrefix(digest, 0), LongTables.hexPrefix(digest, 16));
                    if (dup == LongTables.DigestTable.DIFFERENT) {
                        duplicateIds.add(idNumber);
                        return;
                    }
                    if (dup == LongTables.DigestTable.SAME || bad || conflicts[0] || !duplicateIds.isEmpty()
                            || run.errorCount() > 0) {
                        // identical duplicates collapse into their first row; once any row failed
                        // nothing will be applied, so nothing more is written
                        return;
                    }
                    String idHash = hasher.hash(p.id());
                    String folded = VietnameseText.fold(p.name());
                    try {
                        if (registered.contains(LongTables.hexPrefix(idHash, 0))) {
                            // perhaps registered already: matched and merged in SQL after the file
                            if (stage[0] == null) {
                                stageConnection[0] = dataSource.getConnection();
                                stageConnection[0].setAutoCommit(true);
                                stage[0] = StageWriter.open(stageConnection[0]);
                            }
                            stage[0].add(job, rowNo, idHash, p.id().substring(9), p.name(), folded, p.birth(),
                                    p.sex().name(), p.ethnicity(), p.disability(), p.phone(), p.unit(), p.household(),
                                    p.agency(), p.school(), level, p.enterprise(), digest);
                            counts[2]++;
                            return;
                        }
                        long id = personBase + counts[1]++;
                        person.write(Long.toString(id));
                        field(person, p.name());
                        field(person, folded);
                        field(person, p.birth().toString());
                        field(person, p.sex().name());
                        field(person, p.ethnicity());
                        field(person, p.disability());
                        field(person, p.phone());
                        field(person, idHash);
                        field(person, p.id().substring(9));
                        field(person, Long.toString(u.id()));
                        field(person, h == null ? null : Long.toString(h.id));
                        field(person, digest);
                        person.write('\n');
                        membership(groups, id, "CIVIL_SERVANT", p.agency(), null);
                        membership(groups, id, "STUDENT", p.school(), level);
                        membership(groups, id, "WORKER", p.enterprise(), null);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }

                private boolean org(String code, Set<String> types, String key, long rowNo, List<RowError> errors) {
                    if (code == null) {
                        return false;
                    }
                    UnitRef o = units.get(code);
                    if (o == null || !o.current() || !types.contains(o.type())) {
                        errors.add(new RowError(rowNo, key, new Object[]{code}));
                        return true;
                    }
                    return false;
                }

                private void membership(StringBuilder out, long personId, String group, String orgCode, String level) {
                    if (orgCode != null) {
                        out.append(personId).append('\t').append(group).append('\t').append(units.get(orgCode).id())
                                .append('\t').append(level == null ? "\\N" : level).append('\n');
                    }
                }
            });
            person.close();
        } finally {
            if (copyOut.isActive()) {
                copyOut.cancelCopy();
            }
            if (stage[0] != null) {
                try {
                    stage[0].close();
                } finally {
                    stageConnection[0].close();
                }
            }
        }

        // ---- errors the whole file was needed for, in the order the staging path reports them
        for (List<RowError> errors : List.of(unknownUnit, forbidden, agency, school, enterprise)) {
            errors.forEach(e -> run.error(e.row(), e.key(), e.args()));
        }
        if (conflicts[0] || !duplicateIds.isEmpty()) {
            secondPass(run, good, households, registryHousehold, duplicateIds, hasher);
        } else {
            registryHousehold.forEach((row, code) -> run.error(row, "import.person.householdUnit", code));
        }
        if (run.errorCount() > 0 || counts[0] == 0) {
            if (counts[0] == 0 && run.errorCount() == 0) {
                run.error(0, "import.error.noRows");
            }
            return ImportOutcome.rejected(counts[0]);
        }

        // ---- the rest of the load, then the indexes and keys back, then the rows that may exist
        PGConnection pg = t.unwrap(PGConnection.class);
        if (counts[3] > 0) {
            copy(pg, "COPY household (id, code, unit_id) FROM STDIN", newHouseholds);
        }
        if (!groups.isEmpty()) {
            copy(pg, "COPY person_group (person_id, group_code, org_unit_id, school_level) FROM STDIN", groups);
        }
        try (Statement st = t.createStatement()) {
            if (counts[1] > 0) {
                st.execute("SELECT setval('" + personSeq + "', " + (personBase + counts[1] - 1) + ")");
            }
            if (counts[3] > 0) {
                st.execute("SELECT setval('" + householdSeq + "', " + (householdBase + counts[3] - 1) + ")");
            }
            for (String[] ddl : rebuild) {
                st.execute(ddl[1]);
            }
            if (counts[2] > 1000) {
                st.execute("ANALYZE import_person_stage");
            }
        }
        long[] merged = {0, 0, 0};
        if (counts[2] > 0) {
            merged = PersonImporter.mergeStaged(JdbcClient.create(new SingleConnectionDataSource(t, true)), job);
        }
        long rows = counts[1] + merged[0];
        long created = counts[1] + merged[1];
        log.info("Person import {}: {} persons copied straight into the registry, {} matched through staging"
                + " ({} new, {} changed), {} new households", job, counts[1], counts[2], merged[1], merged[2], counts[3]);
        return new ImportOutcome(rows, created, merged[2], rows - created - merged[2]);
    }

    /**
     * Drops the secondary indexes and unique constraints of {@code person} and the foreign keys
     * among the person tables (not those to {@code unit}: dropping them would lock the unit tree
     * that every page reads); returns what builds them again, indexes first.
     */
    private static List<String[]> dropIndexes(Statement st) throws SQLException {
        List<String[]> ddl = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("""
                SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
                FROM pg_index i WHERE i.indrelid = 'person'::regclass AND NOT i.indisprimary
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = i.indrelid AND c.conindid = i.indexrelid)
                ORDER BY i.indexrelid""")) {
            while (rs.next()) {
                ddl.add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        try (ResultSet rs = st.executeQuery("""
                SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
                  format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
                FROM pg_constraint c
                WHERE (c.contype = 'u' AND c.conrelid = 'person'::regclass)
                   OR (c.contype = 'f' AND c.conrelid IN ('person'::regclass, 'person_group'::regclass)
                       AND c.confrelid IN ('person'::regclass, 'household'::regclass))
                ORDER BY c.contype DESC, c.oid""")) {
            while (rs.next()) {
                ddl.add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        // foreign keys first, then unique constraints, then indexes; built again in the reverse order
        List<String[]> drops = new ArrayList<>(ddl);
        java.util.Collections.reverse(drops);
        for (String[] d : drops) {
            st.execute(d[0]);
        }
        return ddl;
    }

    /**
     * Rows with a household in two units or with an ID number given different data: every row
     * involved is named, so the file is read once more (a rejected file only).
     */
    private void secondPass(ImportRun run, BitSet good, Map<String, Household> households,
                            TreeMap<Long, String> householdRows, Set<Long> duplicateIds, NationalIds.Hasher hasher) {
        Map<Long, List<Long>> dupRows = new HashMap<>();
        run.read(new RowHandler() {
            @Override
            public void row(long rowNo, List<Cell> cells) {
                if (rowNo > Integer.MAX_VALUE || !good.get((int) rowNo)) {
                    return;
                }
                String code = PersonImporter.blankToNull(run.cell(cells, "household_code").text());
                if (code != null) {
                    Household h = households.get(code);
                    if (h != null && h.conflict) {
                        householdRows.put(rowNo, code);
                    }
                }
                if (!duplicateIds.isEmpty()) {
                    long id = Long.parseLong(PersonImporter.idNumber(run, cells));
                    if (duplicateIds.contains(id)) {
                        dupRows.computeIfAbsent(id, k -> new ArrayList<>()).add(rowNo);
                    }
                }
            }
        });
        householdRows.forEach((row, code) -> run.error(row, "import.person.householdUnit", code));
        // as the staging path names them: by ID hash, then row
        TreeMap<String, Long> byHash = new TreeMap<>();
        dupRows.keySet().forEach(id -> byHash.put(hasher.hash(String.format("%012d", id)), id));
        byHash.values().forEach(id -> {
            List<Long> rows = dupRows.get(id);
            String last3 = String.format("%012d", id).substring(9);
            String list = String.join(", ", rows.stream().map(String::valueOf).toList());
            rows.forEach(r -> run.error(r, "import.person.duplicateId", last3, list));
        });
    }

    private static void copy(PGConnection pg, String sql, StringBuilder rows) throws SQLException, IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, sql, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)) {
            w.append(rows);
        }
    }

    private static void field(Writer w, String v) throws IOException {
        w.write('\t');
        StageWriter.copyValue(w, v);
    }

    private static void field(StringBuilder sb, String v) {
        if (v.indexOf('\\') < 0 && v.indexOf('\t') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            sb.append(v);
            return;
        }
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            StageWriter.copyValue(w, v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sb.append(w);
    }
}

package vn.binhdan.people.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.importing.ImportField;
import vn.binhdan.importing.ImportOutcome;
import vn.binhdan.importing.ImportRun;
import vn.binhdan.importing.Importer;
import vn.binhdan.people.NationalIds;
import vn.binhdan.people.PersonService;
import vn.binhdan.people.Phones;
import vn.binhdan.people.SchoolLevel;
import vn.binhdan.people.Sex;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.shared.tabular.Cell;
import vn.binhdan.shared.tabular.RowHandler;

/**
 * Imports persons from the spreadsheets officials keep. Three steps, so that a file of a
 * million rows streams through constant memory and is applied whole or not at all:
 * <ol>
 * <li>stream the file, check each row on its own, and stage the good rows (COPY on PostgreSQL);</li>
 * <li>check the staged rows as a set: unknown or out-of-scope units and organisations, the
 * same ID number twice with different data;</li>
 * <li>if no row failed, merge the staged rows into the registry in one transaction, matching
 * persons by ID hash so that a re-import changes nothing.</li>
 * </ol>
 * On PostgreSQL, a file at least as large as the registry takes {@link DirectPersonLoad} instead:
 * the same checks and outcome, with new persons COPY'd straight into the registry.
 */
@Component
public class PersonImporter implements Importer {

    static final List<String> ADMIN_TYPES = List.of("PROVINCE", "DISTRICT", "COMMUNE", "WARD", "SPECIAL_ZONE", "VILLAGE");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final NationalIds ids;
    private final Clock clock;
    private volatile Boolean postgres;

    public PersonImporter(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx, NationalIds ids, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "PERSON";
    }

    @Override
    public List<ImportField> fields() {
        return FIELDS;
    }

    /** Built once: the row checks walk them for every row. */
    private static final List<ImportField> FIELDS = List.of(
                ImportField.required("full_name", "ho va ten", "ho ten", "ten", "full name", "name"),
                ImportField.required("birth_date", "ngay sinh", "ngay thang nam sinh", "birth date", "dob"),
                ImportField.required("sex", "gioi tinh", "sex", "gender"),
                ImportField.required("id_number", "so cccd", "cccd", "so dinh danh", "so dinh danh ca nhan",
                        "can cuoc", "so can cuoc", "id number", "cccd so").idNumbers(),
                ImportField.required("unit_code", "ma don vi", "ma noi cu tru", "ma thon", "ma to dan pho",
                        "ma dia ban", "unit code"),
                ImportField.optional("ethnicity", "dan toc", "ethnicity"),
                ImportField.optional("disability", "khuyet tat", "dang khuyet tat", "disability"),
                ImportField.optional("phone", "so dien thoai", "dien thoai", "sdt", "phone"),
                ImportField.optional("household_code", "ma ho", "ma ho gia dinh", "ma so ho", "household code"),
                ImportField.optional("agency_code", "ma co quan", "ma co quan don vi", "agency code"),
                ImportField.optional("school_code", "ma truong", "school code"),
                ImportField.optional("school_level", "cap hoc", "bac hoc", "school level"),
                ImportField.optional("enterprise_code", "ma doanh nghiep", "ma dn", "ma htx", "ma doanh nghiep htx",
                        "enterprise code"));

    @Override
    public void checkAllowed(AppUser user) {
        if (user.scopePaths(PersonService.EDITORS).isEmpty()) {
            throw new ForbiddenException("import.forbidden");
        }
    }

    @Override
    public ImportOutcome run(ImportRun run) {
        long[] staged = {0};
        try {
            if (postgres()) {
                long expected = expectedRows(run);
                if (DirectPersonLoad.wanted(jdbc, expected)) {
                    return new DirectPersonLoad(this, dataSource, ids, LocalDate.now(clock)).run(run, expected);
                }
            }
            stage(run, staged);
            analyzeStage();
            if (staged[0] > 0) {
                checkSet(run);
            }
            if (run.errorCount() > 0 || staged[0] == 0) {
                if (staged[0] == 0 && run.errorCount() == 0) {
                    run.error(0, "import.error.noRows");
                }
                return ImportOutcome.rejected(staged[0]);
            }
            return apply(run);
        } finally {
            jdbc.sql("DELETE FROM import_person_stage WHERE job_id = ?").param(run.jobId()).update();
        }
    }

    /**
     * A run cut off by a crash never reached its {@code finally}: its staged rows (names, birth
     * dates, ID hashes) would stay in the table for good.
     */
    @Override
    public void abandon(String jobId) {
        jdbc.sql("DELETE FROM import_person_stage WHERE job_id = ?").param(jobId).update();
    }

    /** Lines of a CSV file (an upper bound of its rows); 0 for a workbook, whose rows are not counted ahead. */
    private static long expectedRows(ImportRun run) {
        if (run.format() != vn.binhdan.shared.tabular.TabularFormat.CSV) {
            return 0;
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(run.file())) {
            byte[] buf = new byte[1 << 16];
            long lines = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            return 0;
        }
    }

    private void stage(ImportRun run, long[] staged) {
        NationalIds.Hasher hasher = ids.hasher();
        DataHash dataHash = new DataHash();
        LocalDate today = LocalDate.now(clock);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (StageWriter writer = StageWriter.open(c)) {
                run.read(new RowHandler() {
                    @Override
                    public void row(long rowNo, List<Cell> cells) {
                        run.rowRead();
                        Parsed p = parse(run, rowNo, cells, today);
                        if (p == null) {
                            return;
                        }
                        try {
                            writer.add(run.jobId(), rowNo, hasher.hash(p.id), p.id.substring(9), p.name,
                                    VietnameseText.fold(p.name), p.birth, p.sex.name(), p.ethnicity, p.disability,
                                    p.phone, p.unit, p.household, p.agency, p.school,
                                    p.level == null ? null : p.level.name(), p.enterprise,
                                    dataHash.of(p.name, p.birth, p.sex, p.ethnicity, p.disability, p.phone, p.unit,
                                            p.household, p.agency, p.school, p.level == null ? null : p.level.name(),
                                            p.enterprise));
                            staged[0]++;
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("staging failed", e);
        }
    }

    /**
     * Fresh statistics for the staging table: without them the planner believes it is as empty
     * as it was before the COPY and picks nested loops over a million rows.
     */
    private void analyzeStage() {
        jdbc.sql(postgres() ? "ANALYZE import_person_stage" : "ANALYZE TABLE import_person_stage").update();
    }

    private boolean postgres() {
        if (postgres == null) {
            try {
                postgres = org.springframework.jdbc.support.JdbcUtils.extractDatabaseMetaData(dataSource,
                        java.sql.DatabaseMetaData::getDatabaseProductName).toLowerCase(java.util.Locale.ROOT).contains("postgres");
            } catch (org.springframework.jdbc.support.MetaDataAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return postgres;
    }

    record Parsed(String name, LocalDate birth, Sex sex, String id, String unit, String ethnicity,
                          String disability, String phone, String household, String agency, String school,
                          SchoolLevel level, String enterprise) {
    }

    Parsed parse(ImportRun run, long rowNo, List<Cell> cells, LocalDate today) {
        long before = run.errorCount();
        for (ImportField f : fields()) {
            if (run.cell(cells, f.key()).formula()) {
                run.error(rowNo, "import.error.formula", label(f.key()));
            }
        }
        String name = run.cell(cells, "full_name").text();
        if (name.isEmpty()) {
            run.error(rowNo, "person.name.required");
        } else if (name.length() > 200) {
            run.error(rowNo, "person.name.tooLong");
        }
        LocalDate birth = birthDate(run, rowNo, run.cell(cells, "birth_date"), today);
        String sexText = run.cell(cells, "sex").text();
        Optional<Sex> sex = Sex.parse(sexText);
        if (sex.isEmpty()) {
            run.error(rowNo, "person.sex.invalid", sexText);
        }
        String id = idNumber(run, cells);
        String problem = NationalIds.problem(id);
        if (problem != null) {
            run.error(rowNo, problem.equals("person.id.length") ? "import.person.idLength" : problem, id.length());
        }
        String unit = run.cell(cells, "unit_code").text();
        if (unit.isEmpty()) {
            run.error(rowNo, "person.unit.required");
        }
        Cell phoneCell = run.cell(cells, "phone");
        String phone = null;
        if (!phoneCell.isBlank()) {
            String raw = phoneCell.numeric() && phoneCell.text().matches("\\d{9,10}") && !phoneCell.text().startsWith("0")
                    ? "0" + phoneCell.text() : phoneCell.text();
            phone = Phones.normalise(raw);
            if (phone == null) {
                run.error(rowNo, "person.phone.invalid");
            }
        }
        String school = blankToNull(run.cell(cells, "school_code").text());
        String levelText = run.cell(cells, "school_level").text();
        SchoolLevel level = null;
        if (!levelText.isEmpty()) {
            level = SchoolLevel.parse(levelText).orElse(null);
            if (level == null) {
                run.error(rowNo, "import.person.levelInvalid", levelText);
            }
        } else if (school != null) {
            run.error(rowNo, "import.person.levelRequired");
        }
        if (run.errorCount() > before) {
            return null;
        }
        return new Parsed(name, birth, sex.get(), id, unit,
                blankToNull(run.cell(cells, "ethnicity").text()), blankToNull(run.cell(cells, "disability").text()),
                phone, blankToNull(run.cell(cells, "household_code").text()),
                blankToNull(run.cell(cells, "agency_code").text()), school, school == null ? null : level,
                blankToNull(run.cell(cells, "enterprise_code").text()));
    }

    /** The ID number as the row checks read it: spaces dropped, leading zeros Excel lost put back. */
    static String idNumber(ImportRun run, List<Cell> cells) {
        return run.cell(cells, "id_number").idNumber();
    }

    private static LocalDate birthDate(ImportRun run, long rowNo, Cell cell, LocalDate today) {
        String text = cell.text();
        if (text.isEmpty()) {
            run.error(rowNo, "person.birth.required");
            return null;
        }
        if (cell.isYearOnly()) {
            // the registry keeps a full date of birth (age groups, matching); a year alone is refused
            // rather than completed with a day nobody wrote
            run.error(rowNo, "import.person.birthYearOnly", text.trim());
            return null;
        }
        LocalDate date = cell.date().orElse(null);
        if (date == null) {
            run.error(rowNo, "import.person.birthInvalid", text);
            return null;
        }
        if (date.isAfter(today) || date.getYear() < 1900) {
            run.error(rowNo, "person.birth.outOfRange");
            return null;
        }
        return date;
    }

    /** Resolved by the message source when the error is written, so the report names the column in Vietnamese. */
    static Object label(String key) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable("import.field." + key);
    }

    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Checks that need the whole file or the database; each failing row gets its own error. */
    private void checkSet(ImportRun run) {
        String job = run.jobId();
        String adminTypes = "'" + String.join("','", ADMIN_TYPES) + "'";
        jdbc.sql("SELECT s.row_no, s.unit_code FROM import_person_stage s LEFT JOIN unit u ON u.code = s.unit_code"
                        + " AND u.valid_to IS NULL AND u.type IN (" + adminTypes + ") WHERE s.job_id = ? AND u.id IS NULL")
                .param(job).query(rs -> {
                    run.error(rs.getLong(1), "person.unit.unknown", rs.getString(2));
                });
        List<String> scopes = run.user().scopePaths(PersonService.EDITORS);
        if (!scopes.contains("/")) {
            StringBuilder sql = new StringBuilder("SELECT s.row_no, u.name FROM import_person_stage s JOIN unit u ON u.code = s.unit_code"
                    + " WHERE s.job_id = ? AND NOT (1=0");
            List<Object> params = new ArrayList<>();
            params.add(job);
            for (String sc : scopes) {
                sql.append(" OR u.path LIKE ?");
                params.add(sc + "%");
            }
            sql.append(")");
            jdbc.sql(sql.toString()).params(params).query(rs -> {
                run.error(rs.getLong(1), "person.forbiddenUnit", rs.getString(2));
            });
        }
        orgCheck(run, "agency_code", "'DEPARTMENT','AGENCY','COMMUNE_OFFICE'", "import.person.unknownAgency");
        orgCheck(run, "school_code", "'SCHOOL'", "import.person.unknownSchool");
        orgCheck(run, "enterprise_code", "'ENTERPRISE','COOPERATIVE'", "import.person.unknownEnterprise");
        // the same household in two different units, within the file or against the registry; grouped
        // rather than correlated, because a correlated self-join is quadratic in the rows of a job
        jdbc.sql("""
                SELECT s.row_no, s.household_code FROM import_person_stage s
                WHERE s.job_id = ? AND s.household_code IN (SELECT household_code FROM import_person_stage
                  WHERE job_id = ? AND household_code IS NOT NULL GROUP BY household_code HAVING MIN(unit_code) <> MAX(unit_code))
                UNION
                SELECT s.row_no, s.household_code FROM import_person_stage s
                JOIN household h ON h.code = s.household_code JOIN unit u ON u.id = h.unit_id
                WHERE s.job_id = ? AND u.code <> s.unit_code""")
                .params(job, job, job).query(rs -> {
                    run.error(rs.getLong(1), "import.person.householdUnit", rs.getString(2));
                });
        // the same ID number twice with different data: name every row involved
        List<long[]> dupRows = new ArrayList<>();
        List<String> dupHashes = new ArrayList<>();
        jdbc.sql("""
                SELECT s.id_hash, s.row_no, s.id_last3 FROM import_person_stage s
                WHERE s.job_id = ? AND s.id_hash IN (SELECT id_hash FROM import_person_stage WHERE job_id = ?
                  GROUP BY id_hash HAVING MIN(data_hash) <> MAX(data_hash))
                ORDER BY s.id_hash, s.row_no""")
                .params(job, job).query(rs -> {
                    dupHashes.add(rs.getString(1) + "|" + rs.getString(3));
                    dupRows.add(new long[]{rs.getLong(2)});
                });
        for (int i = 0; i < dupRows.size(); ) {
            int j = i;
            List<Long> rows = new ArrayList<>();
            while (j < dupRows.size() && dupHashes.get(j).equals(dupHashes.get(i))) {
                rows.add(dupRows.get(j)[0]);
                j++;
            }
            String last3 = dupHashes.get(i).substring(dupHashes.get(i).indexOf('|') + 1);
            String list = String.join(", ", rows.stream().map(String::valueOf).toList());
            for (Long r : rows) {
                run.error(r, "import.person.duplicateId", last3, list);
            }
            i = j;
        }
    }

    private void orgCheck(ImportRun run, String column, String types, String messageKey) {
        jdbc.sql("SELECT s.row_no, s." + column + " FROM import_person_stage s LEFT JOIN unit o ON o.code = s." + column
                        + " AND o.valid_to IS NULL AND o.type IN (" + types + ") WHERE s.job_id = ? AND s." + column
                        + " IS NOT NULL AND o.id IS NULL")
                .param(run.jobId()).query(rs -> {
                    run.error(rs.getLong(1), messageKey, rs.getString(2));
                });
    }

    /** One transaction: households, changed persons, new persons, memberships. */
    private ImportOutcome apply(ImportRun run) {
        String job = run.jobId();
        // identical duplicates of one person collapse into their first row
        jdbc.sql("""
                DELETE FROM import_person_stage WHERE job_id = ? AND EXISTS (SELECT 1 FROM import_person_stage t
                  WHERE t.job_id = import_person_stage.job_id AND t.id_hash = import_person_stage.id_hash
                  AND t.row_no < import_person_stage.row_no)""").param(job).update();
        return tx.execute(status -> {
            if (postgres()) {
                // joins over a whole file and the trigram index's pending-list merges spill to disk at the default 4 MB
                jdbc.sql("SET LOCAL work_mem = '64MB'").update();
            }
            jdbc.sql("""
                    INSERT INTO household (code, unit_id)
                    SELECT s.household_code, MIN(u.id) FROM import_person_stage s JOIN unit u ON u.code = s.unit_code
                    WHERE s.job_id = ? AND s.household_code IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM household h WHERE h.code = s.household_code)
                    GROUP BY s.household_code""").param(job).update();
            long[] c = mergeStaged(jdbc, job);
            return new ImportOutcome(c[0], c[1], c[2], c[0] - c[1] - c[2]);
        });
    }


    /**
     * Merges the job's staged rows into the registry (households already exist): counts, then
     * changed persons updated, new ones inserted, memberships rebuilt. Returns rows, created, updated.
     */
    static long[] mergeStaged(JdbcClient jdbc, String job) {
        long[] c = jdbc.sql("""
                SELECT COUNT(*), SUM(CASE WHEN p.id IS NULL THEN 1 ELSE 0 END),
                  SUM(CASE WHEN p.id IS NOT NULL AND p.data_hash <> s.data_hash THEN 1 ELSE 0 END)
                FROM import_person_stage s LEFT JOIN person p ON p.id_hash = s.id_hash WHERE s.job_id = ?""")
                .param(job).query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        // memberships of changed persons are rebuilt below from the file
        jdbc.sql("""
                DELETE FROM person_group WHERE person_id IN (SELECT p.id FROM person p JOIN import_person_stage s
                  ON s.id_hash = p.id_hash WHERE s.job_id = ? AND p.data_hash <> s.data_hash)""").param(job).update();
        jdbc.sql("""
                MERGE INTO person p
                USING (SELECT s.*, u.id AS unit_id, h.id AS household_id FROM import_person_stage s
                   JOIN unit u ON u.code = s.unit_code LEFT JOIN household h ON h.code = s.household_code
                   WHERE s.job_id = ?) s
                ON p.id_hash = s.id_hash
                WHEN MATCHED AND p.data_hash <> s.data_hash THEN UPDATE SET
                  full_name = s.full_name, name_folded = s.name_folded, birth_date = s.birth_date, sex = s.sex,
                  ethnicity = s.ethnicity, disability = s.disability, phone = s.phone,
                  residence_unit_id = s.unit_id, household_id = s.household_id, data_hash = s.data_hash,
                  updated_at = CURRENT_TIMESTAMP""").param(job).update();
        jdbc.sql("""
                INSERT INTO person (full_name, name_folded, birth_date, sex, ethnicity, disability, phone, id_hash,
                  id_last3, residence_unit_id, household_id, data_hash)
                SELECT s.full_name, s.name_folded, s.birth_date, s.sex, s.ethnicity, s.disability, s.phone, s.id_hash,
                  s.id_last3, u.id, h.id, s.data_hash
                FROM import_person_stage s JOIN unit u ON u.code = s.unit_code
                LEFT JOIN household h ON h.code = s.household_code
                WHERE s.job_id = ? AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id_hash = s.id_hash)""")
                .param(job).update();
        membership(jdbc, job, "CIVIL_SERVANT", "agency_code", "NULL");
        membership(jdbc, job, "STUDENT", "school_code", "s.school_level");
        membership(jdbc, job, "WORKER", "enterprise_code", "NULL");
        return c;
    }

    private static void membership(JdbcClient jdbc, String job, String group, String column, String level) {
        jdbc.sql("INSERT INTO person_group (person_id, group_code, org_unit_id, school_level)"
                        + " SELECT p.id, '" + group + "', o.id, " + level
                        + " FROM import_person_stage s JOIN person p ON p.id_hash = s.id_hash"
                        + " JOIN unit o ON o.code = s." + column
                        + " WHERE s.job_id = ? AND NOT EXISTS (SELECT 1 FROM person_group g WHERE g.person_id = p.id"
                        + " AND g.group_code = '" + group + "')")
                .param(job).update();
    }
}

package vn.binhdan.people.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes validated rows into the staging table: PostgreSQL's COPY where available (the fastest
 * way in), JDBC batches elsewhere. Staging commits on its own; the real tables are touched only
 * by the single apply transaction.
 */
abstract class StageWriter implements AutoCloseable {

    static final String COLUMNS = "job_id, row_no, id_hash, id_last3, full_name, name_folded, birth_date, sex, "
            + "ethnicity, disability, phone, unit_code, household_code, agency_code, school_code, school_level, "
            + "enterprise_code, data_hash";

    abstract void add(String jobId, long rowNo, String idHash, String idLast3, String fullName, String folded,
                      LocalDate birth, String sex, String ethnicity, String disability, String phone, String unitCode,
                      String householdCode, String agencyCode, String schoolCode, String schoolLevel,
                      String enterpriseCode, String dataHash) throws SQLException, IOException;

    @Override
    public abstract void close() throws SQLException, IOException;

    /** One value in COPY's text format: {@code \\N} for null, backslash escapes where needed. */
    static void copyValue(Writer w, String v) throws IOException {
        if (v == null) {
            w.write("\\N");
            return;
        }
        if (!needsEscape(v)) {
            // nearly every value: one write instead of one per character (10 % of the import's CPU)
            w.write(v);
            return;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> w.write("\\\\");
                case '\t' -> w.write("\\t");
                case '\n' -> w.write("\\n");
                case '\r' -> w.write("\\r");
                default -> w.write(c);
            }
        }
    }

    private static boolean needsEscape(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    static StageWriter open(Connection connection) throws SQLException {
        if (connection.isWrapperFor(PGConnection.class)) {
            return new Copy(connection.unwrap(PGConnection.class));
        }
        return new Batch(connection);
    }

    private static final class Copy extends StageWriter {
        private final PGCopyOutputStream out;
        private final Writer w;

        Copy(PGConnection pg) throws SQLException {
            CopyIn copy = pg.getCopyAPI().copyIn("COPY import_person_stage (" + COLUMNS + ") FROM STDIN");
            this.out = new PGCopyOutputStream(copy, 1 << 16);
            this.w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        }

        @Override
        void add(String jobId, long rowNo, String idHash, String idLast3, String fullName, String folded,
                 LocalDate birth, String sex, String ethnicity, String disability, String phone, String unitCode,
                 String householdCode, String agencyCode, String schoolCode, String schoolLevel,
                 String enterpriseCode, String dataHash) throws IOException {
            w.write(jobId);
            w.write('\t');
            w.write(Long.toString(rowNo));
            field(idHash);
            field(idLast3);
            field(fullName);
            field(folded);
            field(birth.toString());
            field(sex);
            field(ethnicity);
            field(disability);
            field(phone);
            field(unitCode);
            field(householdCode);
            field(agencyCode);
            field(schoolCode);
            field(schoolLevel);
            field(enterpriseCode);
            field(dataHash);
            w.write('\n');
        }

        private void field(String v) throws IOException {
            w.write('\t');
            copyValue(w, v);
        }

        @Override
        public void close() throws IOException {
            w.close();
        }
    }

    private static final class Batch extends StageWriter {
        private final PreparedStatement ps;
        private int pending;

        Batch(Connection c) throws SQLException {
            ps = c.prepareStatement("INSERT INTO import_person_stage (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        @Override
        void add(String jobId, long rowNo, String idHash, String idLast3, String fullName, String folded,
                 LocalDate birth, String sex, String ethnicity, String disability, String phone, String unitCode,
                 String householdCode, String agencyCode, String schoolCode, String schoolLevel,
                 String enterpriseCode, String dataHash) throws SQLException {
            int i = 1;
            ps.setString(i++, jobId);
            ps.setLong(i++, rowNo);
            ps.setString(i++, idHash);
            ps.setString(i++, idLast3);
            ps.setString(i++, fullName);
            ps.setString(i++, folded);
            ps.setDate(i++, Date.valueOf(birth));
            ps.setString(i++, sex);
            ps.setString(i++, ethnicity);
            ps.setString(i++, disability);
            ps.setString(i++, phone);
            ps.setString(i++, unitCode);
            ps.setString(i++, householdCode);
            ps.setString(i++, agencyCode);
            ps.setString(i++, schoolCode);
            ps.setString(i++, schoolLevel);
            ps.setString(i++, enterpriseCode);
            ps.setString(i, dataHash);
            ps.addBatch();
            if (++pending == 1000) {
                ps.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            if (pending > 0) {
                ps.executeBatch();
            }
            ps.close();
        }
    }
}

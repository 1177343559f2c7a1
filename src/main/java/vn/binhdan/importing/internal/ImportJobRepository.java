package vn.binhdan.importing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.binhdan.importing.ImportJob;
import vn.binhdan.importing.ImportOutcome;
import vn.binhdan.shared.tabular.TabularFormat;

@Repository
public class ImportJobRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ImportJobRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void create(String id, String kind, String fileName, TabularFormat format, String createdBy, long headerRow,
                       String fileHash) {
        jdbc.sql("""
                INSERT INTO import_job (id, kind, file_name, file_format, status, created_by, created_at, header_row, file_hash)
                VALUES (?, ?, ?, ?, 'UPLOADED', ?, ?, ?, ?)""")
                .params(id, kind, fileName, format.name(), createdBy, Timestamp.from(Instant.now()), headerRow, fileHash)
                .update();
    }

    /**
     * Moves UPLOADED → RUNNING, claiming the file's running key for this instance; false when
     * another request already started the job (idempotent start). Throws
     * {@link org.springframework.dao.DuplicateKeyException} while another job runs the same file.
     */
    public boolean markRunning(String id, long estimatedRows, String mapping, String owner) {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.sql("""
                UPDATE import_job SET status = 'RUNNING', total_rows = ?, mapping = ?, owner = ?, heartbeat_at = ?,
                  running_key = CASE WHEN file_hash IS NULL THEN NULL ELSE kind || ':' || file_hash END
                WHERE id = ? AND status = 'UPLOADED'""")
                .params(estimatedRows, mapping, owner, now, id).update() == 1;
    }

    /** The job already running the same file, if any (for the refusal's wording). */
    public Optional<ImportJob> runningTwin(String id) {
        return jdbc.sql("""
                SELECT o.* FROM import_job o JOIN import_job j ON o.running_key = j.kind || ':' || j.file_hash
                WHERE j.id = ? AND o.id <> j.id""").param(id).query(ImportJobRepository::map).optional();
    }

    public void progress(String id, long processed, long errors) {
        jdbc.sql("UPDATE import_job SET processed_rows = ?, error_rows = ?, heartbeat_at = ? WHERE id = ?")
                .params(processed, errors, Timestamp.from(Instant.now()), id).update();
    }

    /** This instance is alive: every job it runs says so, however long its current statement takes. */
    public void heartbeat(String owner) {
        jdbc.sql("UPDATE import_job SET heartbeat_at = ? WHERE owner = ? AND status = 'RUNNING'")
                .params(Timestamp.from(Instant.now()), owner).update();
    }

    public void finish(String id, ImportJob.Status status, long rows, long errors, ImportOutcome outcome, String message) {
        finish(id, status, rows, errors, outcome, message, false);
    }

    public void finish(String id, ImportJob.Status status, long rows, long errors, ImportOutcome outcome, String message,
                       boolean retriable) {
        jdbc.sql("""
                UPDATE import_job SET status = ?, total_rows = ?, processed_rows = ?, error_rows = ?, created_rows = ?,
                  updated_rows = ?, unchanged_rows = ?, message = ?, finished_at = ?, running_key = NULL, retriable = ?
                WHERE id = ?""")
                .params(status.name(), rows, rows, errors, outcome.created(), outcome.updated(), outcome.unchanged(),
                        message, Timestamp.from(Instant.now()), retriable, id).update();
    }

    /** UPLOADED → CANCELLED; false when the job had started or ended meanwhile. */
    public boolean cancel(String id, String message) {
        return jdbc.sql("""
                UPDATE import_job SET status = 'CANCELLED', message = ?, finished_at = ?
                WHERE id = ? AND status = 'UPLOADED'""")
                .params(message, Timestamp.from(Instant.now()), id).update() == 1;
    }

    /** Jobs uploaded before the cut-off and never started. */
    public List<String> uploadedBefore(Instant cutoff) {
        return jdbc.sql("SELECT id FROM import_job WHERE status = 'UPLOADED' AND created_at < ?")
                .param(Timestamp.from(cutoff)).query(String.class).list();
    }

    /** Running jobs whose owner has not been heard of since the cut-off. */
    public List<ImportJob> silentSince(Instant cutoff) {
        return jdbc.sql("""
                SELECT * FROM import_job WHERE status = 'RUNNING'
                  AND COALESCE(heartbeat_at, created_at) < ?""")
                .param(Timestamp.from(cutoff)).query(ImportJobRepository::map).list();
    }

    /**
     * RUNNING → FAILED for a job still silent since the cut-off. The condition repeats the
     * selection, so of several instances sweeping at once exactly one wins the job.
     */
    public boolean failSilent(String id, Instant cutoff, String message) {
        return jdbc.sql("""
                UPDATE import_job SET status = 'FAILED', message = ?, finished_at = ?, running_key = NULL, retriable = TRUE
                WHERE id = ? AND status = 'RUNNING' AND COALESCE(heartbeat_at, created_at) < ?""")
                .params(message, Timestamp.from(Instant.now()), id, Timestamp.from(cutoff)).update() == 1;
    }

    /** Whether any job still needs the upload of this id (it waits for a start, or runs). */
    public boolean live(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM import_job WHERE id = ? AND status IN ('UPLOADED', 'RUNNING')")
                .param(id).query(Long.class).single() > 0;
    }

    public void addErrors(List<Object[]> rows) {
        template.batchUpdate("INSERT INTO import_error (job_id, row_no, message) VALUES (?, ?, ?)", rows);
    }

    public Map<Long, String> errors(String id) {
        Map<Long, String> errors = new HashMap<>();
        jdbc.sql("SELECT row_no, message FROM import_error WHERE job_id = ? ORDER BY row_no").param(id)
                .query(rs -> {
                    errors.merge(rs.getLong(1), rs.getString(2), (a, b) -> a + "; " + b);
                });
        return errors;
    }

    public Optional<ImportJob> find(String id) {
        return jdbc.sql("SELECT * FROM import_job WHERE id = ?").param(id).query(ImportJobRepository::map).optional();
    }

    public List<ImportJob> byCreator(String username, int limit) {
        return jdbc.sql("SELECT * FROM import_job WHERE created_by = ? ORDER BY created_at DESC LIMIT " + limit)
                .param(username).query(ImportJobRepository::map).list();
    }

    private static ImportJob map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp fin = rs.getTimestamp("finished_at");
        return new ImportJob(rs.getString("id"), rs.getString("kind"), rs.getString("file_name"),
                rs.getString("file_format"), ImportJob.Status.valueOf(rs.getString("status")), rs.getLong("total_rows"),
                rs.getLong("processed_rows"), rs.getLong("error_rows"), rs.getLong("created_rows"),
                rs.getLong("updated_rows"), rs.getLong("unchanged_rows"), rs.getString("message"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                fin == null ? null : fin.toInstant(), rs.getLong("header_row"), rs.getBoolean("retriable"));
    }
}

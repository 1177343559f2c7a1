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

    public void create(String id, String kind, String fileName, TabularFormat format, String createdBy) {
        jdbc.sql("""
                INSERT INTO import_job (id, kind, file_name, file_format, status, created_by, created_at)
                VALUES (?, ?, ?, ?, 'UPLOADED', ?, ?)""")
                .params(id, kind, fileName, format.name(), createdBy, Timestamp.from(Instant.now())).update();
    }

    /** Moves UPLOADED → RUNNING; false when another request already did (idempotent start). */
    public boolean markRunning(String id, long estimatedRows, String mapping) {
        return jdbc.sql("UPDATE import_job SET status = 'RUNNING', total_rows = ?, mapping = ? WHERE id = ? AND status = 'UPLOADED'")
                .params(estimatedRows, mapping, id).update() == 1;
    }

    public void progress(String id, long processed, long errors) {
        jdbc.sql("UPDATE import_job SET processed_rows = ?, error_rows = ? WHERE id = ?").params(processed, errors, id).update();
    }

    public void finish(String id, ImportJob.Status status, long rows, long errors, ImportOutcome outcome, String message) {
        jdbc.sql("""
                UPDATE import_job SET status = ?, total_rows = ?, processed_rows = ?, error_rows = ?, created_rows = ?,
                  updated_rows = ?, unchanged_rows = ?, message = ?, finished_at = ? WHERE id = ?""")
                .params(status.name(), rows, rows, errors, outcome.created(), outcome.updated(), outcome.unchanged(),
                        message, Timestamp.from(Instant.now()), id).update();
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
                fin == null ? null : fin.toInstant());
    }
}

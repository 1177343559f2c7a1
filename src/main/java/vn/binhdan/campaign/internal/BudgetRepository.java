package vn.binhdan.campaign.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class BudgetRepository {

    private final JdbcClient jdbc;

    public BudgetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record LineRow(long id, long planId, Long taskId, long unitId, String unitPath, String source, String title,
                          long estimate, long allocated) {
    }

    public record SpendingRow(long id, long lineId, int year, int quarter, long amount, String documentRef) {
    }

    private static final String LINE = "SELECT id, plan_id, task_id, unit_id, unit_path, source, title, estimate, allocated"
            + " FROM budget_line";

    private static LineRow line(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LineRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9));
    }

    public Optional<LineRow> line(long id) {
        return jdbc.sql(LINE + " WHERE id = ?").param(id).query((rs, n) -> line(rs)).optional();
    }

    public List<LineRow> lines(long planId) {
        return jdbc.sql(LINE + " WHERE plan_id = ? ORDER BY id").param(planId).query((rs, n) -> line(rs)).list();
    }

    public long insertLine(long planId, Long taskId, long unitId, String unitPath, String source, String title,
                           long estimate, long allocated, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO budget_line (plan_id, task_id, unit_id, unit_path, source, title, estimate, allocated,"
                        + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(planId, taskId, unitId, unitPath, source, title, estimate, allocated, by, Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<SpendingRow> spending(long lineId) {
        return jdbc.sql("SELECT id, line_id, spent_year, quarter, amount, document_ref FROM budget_spending"
                        + " WHERE line_id = ? ORDER BY spent_year, quarter, id").param(lineId)
                .query((rs, n) -> new SpendingRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getLong(5),
                        rs.getString(6))).list();
    }

    public void insertSpending(long lineId, int year, int quarter, long amount, String documentRef, String by,
                               Instant at) {
        jdbc.sql("INSERT INTO budget_spending (line_id, spent_year, quarter, amount, document_ref, recorded_by, recorded_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(lineId, year, quarter, amount, documentRef, by, Timestamp.from(at)).update();
    }
}

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

    public record SpendingRow(long id, long lineId, int year, int quarter, long amount, String documentRef,
                              Long correctsId) {
    }

    /** A line of a plan in force in the year, with its plan's title, for a subtree's summary. */
    public record SubtreeLine(long id, String planTitle, long unitId, String source, String title, long estimate,
                              long allocated) {
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

    public List<LineRow> sponsorshipLinesWithin(String unitPath) {
        return jdbc.sql(LINE + " WHERE unit_path LIKE ? AND source = 'SPONSORSHIP' ORDER BY id").param(unitPath + "%")
                .query((rs, n) -> line(rs)).list();
    }

    public Optional<String> planTitle(long planId) {
        return jdbc.sql("SELECT title FROM plan WHERE id = ?").param(planId).query(String.class).optional();
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

    private static final String SPENDING = "SELECT id, line_id, spent_year, quarter, amount, document_ref, corrects_id"
            + " FROM budget_spending";

    private static SpendingRow spending(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SpendingRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getLong(5), rs.getString(6),
                rs.getObject(7, Long.class));
    }

    public List<SpendingRow> spending(long lineId) {
        return jdbc.sql(SPENDING + " WHERE line_id = ? ORDER BY spent_year, quarter, id").param(lineId)
                .query((rs, n) -> spending(rs)).list();
    }

    public Optional<SpendingRow> spendingEntry(long id) {
        return jdbc.sql(SPENDING + " WHERE id = ?").param(id).query((rs, n) -> spending(rs)).optional();
    }

    public long insertSpending(long lineId, int year, int quarter, long amount, String documentRef, Long correctsId,
                               String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO budget_spending (line_id, spent_year, quarter, amount, document_ref, corrects_id,"
                        + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(lineId, year, quarter, amount, documentRef, correctsId, by, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void updateSpending(long id, int year, int quarter, long amount, String documentRef, String by, Instant at) {
        jdbc.sql("UPDATE budget_spending SET spent_year = ?, quarter = ?, amount = ?, document_ref = ?, updated_by = ?,"
                        + " updated_at = ? WHERE id = ?")
                .params(year, quarter, amount, documentRef, by, Timestamp.from(at), id).update();
    }

    /** The lines held in the subtree of {@code unitPath}, of plans in force in {@code year}. */
    public List<SubtreeLine> linesWithin(String unitPath, int year) {
        return jdbc.sql("SELECT l.id, p.title, l.unit_id, l.source, l.title, l.estimate, l.allocated FROM budget_line l"
                        + " JOIN plan p ON p.id = l.plan_id WHERE l.unit_path LIKE ? AND p.from_year <= ? AND p.to_year >= ?"
                        + " ORDER BY l.source, l.unit_path, l.id")
                .params(unitPath + "%", year, year)
                .query((rs, n) -> new SubtreeLine(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getLong(7))).list();
    }

    /** What each of the lines had spent by the end of the quarter, corrections included. */
    public java.util.Map<Long, Long> spentUpTo(String unitPath, int year, int quarter) {
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        jdbc.sql("SELECT s.line_id, SUM(s.amount) FROM budget_spending s JOIN budget_line l ON l.id = s.line_id"
                        + " WHERE l.unit_path LIKE ? AND (s.spent_year < ? OR (s.spent_year = ? AND s.quarter <= ?))"
                        + " GROUP BY s.line_id")
                .params(unitPath + "%", year, year, quarter)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }
}

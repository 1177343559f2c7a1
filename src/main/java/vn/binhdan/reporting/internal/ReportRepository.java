package vn.binhdan.reporting.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.binhdan.reporting.Figure;
import vn.binhdan.reporting.Report;
import vn.binhdan.reporting.ReportForm;
import vn.binhdan.reporting.ReportStatus;

/** Submissions with their typed and frozen figures, texts, history and reminders. */
@Repository
public class ReportRepository {

    /**
     * A stored submission; {@code unitPath} is the unit's path today (units move when merged);
     * {@code formVersion} the version of the form it was started on, which it keeps.
     */
    public record Row(long id, String formCode, long unitId, String unitPath, String periodId, ReportStatus status,
                      LocalDate dueOn, Instant firstSubmittedAt, String submittedBy, Instant submittedAt,
                      String decidedBy, Instant decidedAt, int formVersion) {
    }

    /** A figure typed by an officer. */
    public record Declared(String indicatorCode, String group, Long numerator, Long denominator, String enteredBy,
                           Instant enteredAt) {
    }

    public record ReminderStats(int count, Instant last) {
    }

    private static final String ROW = """
            SELECT s.*, u.path AS unit_path FROM report_submission s JOIN unit u ON u.id = s.unit_id""";

    private final JdbcClient jdbc;

    public ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(String form, long unitId, String periodId) {
        return jdbc.sql(ROW + " WHERE s.form_code = ? AND s.unit_id = ? AND s.period_id = ?")
                .params(form, unitId, periodId).query(ReportRepository::row).optional();
    }

    /**
     * The submission, created as a draft on the given version of its form if there is none yet,
     * and locked until the transaction ends.
     */
    public Row lockOrCreate(String form, int formVersion, long unitId, String periodId, LocalDate dueOn, String by,
                            Instant at) {
        Timestamp now = Timestamp.from(at);
        jdbc.sql("""
                INSERT INTO report_submission (form_code, unit_id, period_id, status, due_on, created_by, created_at,
                                               updated_by, updated_at, form_version)
                VALUES (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(form, unitId, periodId, Date.valueOf(dueOn), by, now, by, now, formVersion).update();
        long id = jdbc.sql("SELECT id FROM report_submission WHERE form_code = ? AND unit_id = ? AND period_id = ? FOR UPDATE")
                .params(form, unitId, periodId).query(Long.class).single();
        return byId(id);
    }

    /** The submission locked until the transaction ends, if there is one. */
    public Optional<Row> lock(String form, long unitId, String periodId) {
        return jdbc.sql("SELECT id FROM report_submission WHERE form_code = ? AND unit_id = ? AND period_id = ? FOR UPDATE")
                .params(form, unitId, periodId).query(Long.class).optional().map(this::byId);
    }

    private Row byId(long id) {
        return jdbc.sql(ROW + " WHERE s.id = ?").param(id).query(ReportRepository::row).single();
    }

    /** The submissions of some units for one form and period, by unit. */
    public Map<Long, Row> ofUnits(String form, String periodId, Collection<Long> unitIds) {
        Map<Long, Row> out = new HashMap<>();
        if (unitIds.isEmpty()) {
            return out;
        }
        jdbc.sql(ROW + " WHERE s.form_code = :form AND s.period_id = :period AND s.unit_id IN (:ids)")
                .param("form", form).param("period", periodId).param("ids", unitIds)
                .query(ReportRepository::row).list().forEach(r -> out.put(r.unitId(), r));
        return out;
    }

    /** Submitted reports of units within the given subtrees (paths), oldest submission first. */
    public List<Row> submittedWithin(List<String> scopePaths) {
        if (scopePaths.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (String scope : scopePaths) {
            where.append(params.isEmpty() ? "" : " OR ").append("u.path LIKE ?");
            params.add(scope + "%");
        }
        return jdbc.sql(ROW + " WHERE s.status = 'SUBMITTED' AND (" + where + ") ORDER BY s.submitted_at, s.id")
                .params(params).query(ReportRepository::row).list();
    }

    public void touch(long id, String by, Instant at) {
        jdbc.sql("UPDATE report_submission SET updated_by = ?, updated_at = ? WHERE id = ?")
                .params(by, Timestamp.from(at), id).update();
    }

    public void markSubmitted(long id, String by, Instant at) {
        Timestamp now = Timestamp.from(at);
        jdbc.sql("""
                UPDATE report_submission SET status = 'SUBMITTED', submitted_by = ?, submitted_at = ?,
                       first_submitted_at = COALESCE(first_submitted_at, ?), decided_by = NULL, decided_at = NULL,
                       updated_by = ?, updated_at = ?
                WHERE id = ?""")
                .params(by, now, now, by, now, id).update();
    }

    public void markDecided(long id, ReportStatus status, String by, Instant at) {
        Timestamp now = Timestamp.from(at);
        jdbc.sql("""
                UPDATE report_submission SET status = ?, decided_by = ?, decided_at = ?, updated_by = ?, updated_at = ?
                WHERE id = ?""")
                .params(status.name(), by, now, by, now, id).update();
    }

    public Map<String, Declared> declared(long submissionId) {
        Map<String, Declared> out = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM report_declared WHERE submission_id = ?").param(submissionId)
                .query((rs, i) -> new Declared(rs.getString("indicator_code"), rs.getString("target_group"),
                        longOrNull(rs, "numerator"), longOrNull(rs, "denominator"), rs.getString("entered_by"),
                        rs.getTimestamp("entered_at").toInstant()))
                .list().forEach(d -> out.put(Figure.key(d.indicatorCode(), d.group()), d));
        return out;
    }

    public void replaceDeclared(long submissionId, Collection<Declared> figures) {
        jdbc.sql("DELETE FROM report_declared WHERE submission_id = ?").param(submissionId).update();
        for (Declared d : figures) {
            jdbc.sql("""
                    INSERT INTO report_declared (submission_id, indicator_code, target_group, numerator, denominator,
                                                 entered_by, entered_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(submissionId, d.indicatorCode(), d.group(), d.numerator(), d.denominator(), d.enteredBy(),
                            Timestamp.from(d.enteredAt()))
                    .update();
        }
    }

    /** The frozen figures of submissions, by submission id. */
    public Map<Long, Map<String, Figure>> figures(Collection<Long> submissionIds) {
        Map<Long, Map<String, Figure>> out = new HashMap<>();
        if (submissionIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT * FROM report_figure WHERE submission_id IN (:ids)").param("ids", submissionIds)
                .query(rs -> {
                    Long num = longOrNull(rs, "numerator");
                    Long den = longOrNull(rs, "denominator");
                    Timestamp at = rs.getTimestamp("entered_at");
                    Figure f = new Figure(rs.getString("indicator_code"), rs.getString("target_group"), num,
                            source(rs.getString("numerator_source")), den, source(rs.getString("denominator_source")),
                            Figure.share(num, den), rs.getString("entered_by"), at == null ? null : at.toInstant());
                    out.computeIfAbsent(rs.getLong("submission_id"), k -> new HashMap<>()).put(f.key(), f);
                });
        return out;
    }

    public void replaceFigures(long submissionId, Collection<Figure> figures) {
        jdbc.sql("DELETE FROM report_figure WHERE submission_id = ?").param(submissionId).update();
        for (Figure f : figures) {
            jdbc.sql("""
                    INSERT INTO report_figure (submission_id, indicator_code, target_group, numerator, numerator_source,
                                               denominator, denominator_source, entered_by, entered_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(submissionId, f.indicatorCode(), f.group(), f.numerator(), name(f.numeratorSource()),
                            f.denominator(), name(f.denominatorSource()), f.enteredBy(),
                            f.enteredAt() == null ? null : Timestamp.from(f.enteredAt()))
                    .update();
        }
    }

    /** The texts of submissions, by submission id and section. */
    public Map<Long, Map<ReportForm.Section, Report.Text>> texts(Collection<Long> submissionIds) {
        Map<Long, Map<ReportForm.Section, Report.Text>> out = new HashMap<>();
        if (submissionIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT * FROM report_text WHERE submission_id IN (:ids)").param("ids", submissionIds)
                .query(rs -> {
                    ReportForm.Section section = ReportForm.Section.valueOf(rs.getString("section"));
                    out.computeIfAbsent(rs.getLong("submission_id"), k -> new HashMap<>()).put(section,
                            new Report.Text(section, rs.getString("body"), rs.getString("entered_by"),
                                    rs.getTimestamp("entered_at").toInstant()));
                });
        return out;
    }

    public void replaceTexts(long submissionId, Collection<Report.Text> texts) {
        jdbc.sql("DELETE FROM report_text WHERE submission_id = ?").param(submissionId).update();
        for (Report.Text t : texts) {
            jdbc.sql("INSERT INTO report_text (submission_id, section, body, entered_by, entered_at) VALUES (?, ?, ?, ?, ?)")
                    .params(submissionId, t.section().name(), t.body(), t.enteredBy(), Timestamp.from(t.enteredAt()))
                    .update();
        }
    }

    public List<Report.Event> history(long submissionId) {
        return jdbc.sql("SELECT * FROM report_history WHERE submission_id = ? ORDER BY id").param(submissionId)
                .query((rs, i) -> new Report.Event(rs.getString("action"), rs.getString("actor"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("comment")))
                .list();
    }

    public void addHistory(long submissionId, String action, String actor, Instant at, String comment) {
        jdbc.sql("INSERT INTO report_history (submission_id, action, actor, occurred_at, comment) VALUES (?, ?, ?, ?, ?)")
                .params(submissionId, action, actor, Timestamp.from(at), comment).update();
    }

    public List<Report.Reminder> reminders(String form, long unitId, String periodId) {
        return jdbc.sql("""
                SELECT f.name AS from_name, r.sent_by, r.sent_at FROM report_reminder r JOIN unit f ON f.id = r.from_unit_id
                WHERE r.form_code = ? AND r.unit_id = ? AND r.period_id = ? ORDER BY r.id DESC""")
                .params(form, unitId, periodId)
                .query((rs, i) -> new Report.Reminder(rs.getString("from_name"), rs.getString("sent_by"),
                        rs.getTimestamp("sent_at").toInstant()))
                .list();
    }

    public Map<Long, ReminderStats> reminderStats(String form, String periodId, Collection<Long> unitIds) {
        Map<Long, ReminderStats> out = new HashMap<>();
        if (unitIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT unit_id, COUNT(*), MAX(sent_at) FROM report_reminder
                WHERE form_code = :form AND period_id = :period AND unit_id IN (:ids) GROUP BY unit_id""")
                .param("form", form).param("period", periodId).param("ids", unitIds)
                .query(rs -> {
                    out.put(rs.getLong(1), new ReminderStats(rs.getInt(2), rs.getTimestamp(3).toInstant()));
                });
        return out;
    }

    public void addReminder(String form, long unitId, String periodId, long fromUnitId, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO report_reminder (form_code, unit_id, period_id, from_unit_id, sent_by, sent_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(form, unitId, periodId, fromUnitId, by, Timestamp.from(at)).update();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("form_code"), rs.getLong("unit_id"), rs.getString("unit_path"),
                rs.getString("period_id"), ReportStatus.valueOf(rs.getString("status")), rs.getDate("due_on").toLocalDate(),
                instant(rs, "first_submitted_at"), rs.getString("submitted_by"), instant(rs, "submitted_at"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getInt("form_version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Figure.Source source(String s) {
        return s == null ? null : Figure.Source.valueOf(s);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    /** Every approved submission, oldest decision first (the replay of approved figures). */
    public List<Row> approved() {
        return jdbc.sql(ROW + " WHERE s.status = 'APPROVED' ORDER BY s.decided_at, s.id").query(ReportRepository::row).list();
    }
}

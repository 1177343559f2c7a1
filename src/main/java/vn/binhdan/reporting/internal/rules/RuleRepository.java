package vn.binhdan.reporting.internal.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.reporting.Figure;
import vn.binhdan.reporting.ReportStatus;
import vn.binhdan.reporting.ValidationRule;

/** The validation rules and the explanations units gave for warnings. */
@Repository
public class RuleRepository {

    /** A rule with the path of its province today (null for a shipped rule), which says whose reports it checks. */
    public record Stored(ValidationRule rule, String unitPath) {
    }

    /** One figure of a report in a province-wide run, with the report and unit it belongs to. */
    public record FigureRow(long submissionId, long unitId, String unitCode, String unitName, String unitPath,
                            ReportStatus status, String periodId, Figure figure) {
    }

    /** A report's figures gathered from its rows; {@code head} is any of them, for the report and unit. */
    public record ReportFigures(FigureRow head, Map<String, Figure> figures) {
    }

    private static final String SELECT = """
            SELECT r.*, u.path AS unit_path FROM validation_rule r LEFT JOIN unit u ON u.id = r.unit_id""";

    private final JdbcClient jdbc;

    public RuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Stored> all() {
        return jdbc.sql(SELECT + " ORDER BY r.sort_order, r.code").query(RuleRepository::stored).list();
    }

    public Optional<Stored> find(String code) {
        return jdbc.sql(SELECT + " WHERE r.code = ?").param(code).query(RuleRepository::stored).optional();
    }

    public boolean exists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM validation_rule WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    public int nextSortOrder() {
        return jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 10 FROM validation_rule").query(Integer.class).single();
    }

    public void insert(ValidationRule r) {
        jdbc.sql("""
                INSERT INTO validation_rule (code, indicator_code, measure, target_group, left_side, operator, right_side,
                       importance, message_vi, message_en, unit_id, active, sort_order, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.code(), r.indicatorCode(), r.measure() == null ? null : r.measure().name(), r.group(),
                        r.leftSide(), r.operator().symbol(), r.rightSide(), r.importance().name(), r.messageVi(),
                        r.messageEn(), r.unitId(), r.active(), r.sortOrder(), r.updatedBy(), Timestamp.from(r.updatedAt()))
                .update();
    }

    public void update(ValidationRule r) {
        jdbc.sql("""
                UPDATE validation_rule SET indicator_code = ?, measure = ?, target_group = ?, left_side = ?, operator = ?,
                       right_side = ?, importance = ?, message_vi = ?, message_en = ?, active = ?, updated_by = ?,
                       updated_at = ?
                WHERE code = ?""")
                .params(r.indicatorCode(), r.measure() == null ? null : r.measure().name(), r.group(), r.leftSide(),
                        r.operator().symbol(), r.rightSide(), r.importance().name(), r.messageVi(), r.messageEn(),
                        r.active(), r.updatedBy(), Timestamp.from(r.updatedAt()), r.code())
                .update();
    }

    /** Explanations by submission, then by violation key. */
    public Map<Long, Map<String, String>> explanations(Collection<Long> submissionIds) {
        Map<Long, Map<String, String>> out = new HashMap<>();
        if (submissionIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT submission_id, violation_key, body FROM report_explanation WHERE submission_id IN (:ids)")
                .param("ids", submissionIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        return out;
    }

    /** Keeps the given explanations; one already kept under the same key is rewritten, others stay. */
    public void putExplanations(long submissionId, Map<String, String> explanations, String by, Instant at) {
        for (Map.Entry<String, String> e : explanations.entrySet()) {
            jdbc.sql("DELETE FROM report_explanation WHERE submission_id = ? AND violation_key = ?")
                    .params(submissionId, e.getKey()).update();
            jdbc.sql("""
                    INSERT INTO report_explanation (submission_id, violation_key, body, entered_by, entered_at)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(submissionId, e.getKey(), e.getValue(), by, Timestamp.from(at)).update();
        }
    }

    public void clearExplanations(long submissionId) {
        jdbc.sql("DELETE FROM report_explanation WHERE submission_id = ?").param(submissionId).update();
    }

    /**
     * Every figure of a period's reports in a subtree, in one query: submitted and approved
     * reports as frozen, drafts and returned ones as typed; plus the frozen figures of the
     * previous period, which the rules compare with.
     */
    public List<FigureRow> periodFigures(String form, String periodId, String previousId, String pathPrefix) {
        return jdbc.sql("""
                SELECT s.id, s.unit_id, u.code, u.name, u.path, s.status, s.period_id, f.indicator_code, f.target_group,
                       f.numerator, f.numerator_source, f.denominator, f.denominator_source
                FROM report_submission s JOIN unit u ON u.id = s.unit_id JOIN report_figure f ON f.submission_id = s.id
                WHERE s.form_code = :form AND s.period_id IN (:period, :previous) AND u.path LIKE :path
                  AND s.status IN ('SUBMITTED', 'APPROVED')
                UNION ALL
                SELECT s.id, s.unit_id, u.code, u.name, u.path, s.status, s.period_id, d.indicator_code, d.target_group,
                       d.numerator, 'DECLARED', d.denominator, CASE WHEN d.denominator IS NULL THEN NULL ELSE 'DECLARED' END
                FROM report_submission s JOIN unit u ON u.id = s.unit_id JOIN report_declared d ON d.submission_id = s.id
                WHERE s.form_code = :form AND s.period_id = :period AND u.path LIKE :path
                  AND s.status IN ('DRAFT', 'RETURNED')""")
                .param("form", form).param("period", periodId).param("previous", previousId)
                .param("path", pathPrefix + "%")
                .query((rs, i) -> {
                    Long num = longOrNull(rs, "numerator");
                    Long den = longOrNull(rs, "denominator");
                    String ns = rs.getString("numerator_source");
                    String ds = rs.getString("denominator_source");
                    return new FigureRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("code"),
                            rs.getString("name"), rs.getString("path"), ReportStatus.valueOf(rs.getString("status")),
                            rs.getString("period_id"), Figure.of(rs.getString("indicator_code"),
                            rs.getString("target_group"), num, ns == null ? null : Figure.Source.valueOf(ns), den,
                            ds == null ? null : Figure.Source.valueOf(ds), null, null));
                })
                .list();
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Stored stored(ResultSet rs, int i) throws SQLException {
        String measure = rs.getString("measure");
        long unit = rs.getLong("unit_id");
        Long unitId = rs.wasNull() ? null : unit;
        return new Stored(new ValidationRule(rs.getString("code"), rs.getString("indicator_code"),
                measure == null ? null : Indicator.Measure.valueOf(measure), rs.getString("target_group"),
                rs.getString("left_side"), ValidationRule.Operator.parse(rs.getString("operator")),
                rs.getString("right_side"), ValidationRule.Importance.valueOf(rs.getString("importance")),
                rs.getString("message_vi"), rs.getString("message_en"), unitId, rs.getBoolean("active"),
                rs.getInt("sort_order"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()),
                rs.getString("unit_path"));
    }
}

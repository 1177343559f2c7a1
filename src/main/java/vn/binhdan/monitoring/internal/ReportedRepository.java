package vn.binhdan.monitoring.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Approved report figures as indicator values: every approval kept, one current per unit, indicator, group and year. */
@Repository
public class ReportedRepository {

    /** One approved figure. */
    public record Row(long unitId, String unitPath, boolean communeLevel, String indicatorCode, String group,
                      String periodId, LocalDate periodEnd, long numerator, Long denominator, String formCode,
                      long reportId, String approvedBy, Instant approvedAt) {
    }

    private final JdbcClient jdbc;

    public ReportedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores one approved figure; it becomes the current one unless the current one is of a later
     * period (a Q2 report approved after Q3's must not undo Q3's cumulative figure).
     */
    public void store(String eventId, int year, Row r) {
        Optional<Row> current = jdbc.sql("""
                        SELECT * FROM mon_reported WHERE unit_id = ? AND indicator_code = ? AND target_group = ?
                          AND period_year = ? AND is_current FOR UPDATE""")
                .params(r.unitId(), r.indicatorCode(), r.group(), year).query(ReportedRepository::row).optional();
        boolean wins = current.map(c -> !r.periodEnd().isBefore(c.periodEnd())).orElse(true);
        if (wins && current.isPresent()) {
            jdbc.sql("""
                    UPDATE mon_reported SET is_current = FALSE WHERE unit_id = ? AND indicator_code = ?
                      AND target_group = ? AND period_year = ? AND is_current""")
                    .params(r.unitId(), r.indicatorCode(), r.group(), year).update();
        }
        jdbc.sql("""
                INSERT INTO mon_reported (event_id, report_id, form_code, unit_id, unit_path, commune_level,
                    indicator_code, target_group, period_id, period_year, period_end, numerator, denominator,
                    approved_by, approved_at, is_current)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(eventId, r.reportId(), r.formCode(), r.unitId(), r.unitPath(), r.communeLevel(),
                        r.indicatorCode(), r.group(), r.periodId(), year, Date.valueOf(r.periodEnd()), r.numerator(),
                        r.denominator(), r.approvedBy(), Timestamp.from(r.approvedAt()), wins)
                .update();
    }

    /** The current figures of a year anywhere in a subtree (the root included), in one read. */
    public List<Row> currentIn(String path, int year) {
        return jdbc.sql("SELECT * FROM mon_reported WHERE period_year = ? AND is_current AND unit_path LIKE ?")
                .params(year, path + "%").query(ReportedRepository::row).list();
    }

    public void clear() {
        jdbc.sql("DELETE FROM mon_reported").update();
    }

    /** Every current figure, for the check against the approved reports themselves. */
    public List<Row> allCurrent() {
        return jdbc.sql("SELECT * FROM mon_reported WHERE is_current").query(ReportedRepository::row).list();
    }

    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        long d = rs.getLong("denominator");
        return new Row(rs.getLong("unit_id"), rs.getString("unit_path"), rs.getBoolean("commune_level"),
                rs.getString("indicator_code"), rs.getString("target_group"), rs.getString("period_id"),
                rs.getDate("period_end").toLocalDate(), rs.getLong("numerator"), rs.wasNull() ? null : d,
                rs.getString("form_code"), rs.getLong("report_id"), rs.getString("approved_by"),
                rs.getTimestamp("approved_at").toInstant());
    }
}

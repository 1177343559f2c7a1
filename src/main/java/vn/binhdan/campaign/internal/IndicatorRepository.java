package vn.binhdan.campaign.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.campaign.Indicators;
import vn.binhdan.campaign.Target;
import vn.binhdan.people.TargetGroup;

@Repository
public class IndicatorRepository {

    private final JdbcClient jdbc;

    public IndicatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Indicator> all() {
        return jdbc.sql("SELECT * FROM indicator WHERE active ORDER BY sort_order, code")
                .query((rs, i) -> new Indicator(rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"),
                        Indicator.Measure.valueOf(rs.getString("measure")), Indicator.Source.valueOf(rs.getString("source")),
                        rs.getString("metric"), List.copyOf(TargetGroup.fromCodes(rs.getString("target_groups"))),
                        rs.getString("target_level"), Indicator.Frequency.valueOf(rs.getString("frequency")),
                        rs.getInt("sort_order")))
                .list();
    }

    public boolean exists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM indicator WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    public void insert(Indicator i) {
        jdbc.sql("""
                INSERT INTO indicator (code, name_vi, name_en, measure, source, metric, target_groups, target_level,
                                       frequency, sort_order)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(i.code(), i.nameVi(), i.nameEn(), i.measure().name(), i.source().name(), i.metric(),
                        i.groups().isEmpty() ? null : TargetGroup.codes(i.groups()), i.targetLevel(),
                        i.frequency().name(), i.sortOrder())
                .update();
    }

    /** An indicator whether retired or not, with its active flag. */
    public record Row(Indicator indicator, boolean active) {
    }

    public java.util.Optional<Row> row(String code) {
        return jdbc.sql("SELECT * FROM indicator WHERE code = ?").param(code)
                .query((rs, i) -> new Row(new Indicator(rs.getString("code"), rs.getString("name_vi"),
                        rs.getString("name_en"), Indicator.Measure.valueOf(rs.getString("measure")),
                        Indicator.Source.valueOf(rs.getString("source")), rs.getString("metric"),
                        List.copyOf(TargetGroup.fromCodes(rs.getString("target_groups"))), rs.getString("target_level"),
                        Indicator.Frequency.valueOf(rs.getString("frequency")), rs.getInt("sort_order")),
                        rs.getBoolean("active")))
                .optional();
    }

    /** A shipped indicator brought up to a new release, in place: targets and values keep pointing at its code. */
    public void update(Indicator i) {
        jdbc.sql("""
                UPDATE indicator SET name_vi = ?, name_en = ?, measure = ?, source = ?, metric = ?, target_groups = ?,
                       target_level = ?, frequency = ?, sort_order = ?
                WHERE code = ?""")
                .params(i.nameVi(), i.nameEn(), i.measure().name(), i.source().name(), i.metric(),
                        i.groups().isEmpty() ? null : TargetGroup.codes(i.groups()), i.targetLevel(),
                        i.frequency().name(), i.sortOrder(), i.code())
                .update();
    }

    public List<Target> targetsOf(int year) {
        return jdbc.sql("SELECT * FROM indicator_target WHERE period_year = ?").param(year)
                .query((rs, i) -> {
                    Date due = rs.getDate("due_on");
                    return new Target(rs.getString("indicator_code"), rs.getString("target_group"),
                            rs.getInt("period_year"), rs.getBigDecimal("target_value").stripTrailingZeros(),
                            due == null ? null : due.toLocalDate(), rs.getLong("unit_id"), false);
                })
                .list();
    }

    public void upsertTarget(String code, long unitId, String group, int year, BigDecimal value, LocalDate due, String by) {
        Timestamp now = Timestamp.from(Instant.now());
        Date dueOn = due == null ? null : Date.valueOf(due);
        int n = jdbc.sql("""
                UPDATE indicator_target SET target_value = ?, due_on = ?, set_by = ?, set_at = ?
                WHERE indicator_code = ? AND unit_id = ? AND target_group = ? AND period_year = ?""")
                .params(value, dueOn, by, now, code, unitId, group, year).update();
        if (n == 0) {
            jdbc.sql("""
                    INSERT INTO indicator_target (indicator_code, unit_id, target_group, period_year, target_value,
                                                  due_on, set_by, set_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(code, unitId, group, year, value, dueOn, by, now).update();
        }
    }

    public void deleteTarget(String code, long unitId, String group, int year) {
        jdbc.sql("DELETE FROM indicator_target WHERE indicator_code = ? AND unit_id = ? AND target_group = ? AND period_year = ?")
                .params(code, unitId, group, year).update();
    }

    public List<Indicators.Criterion> criteria() {
        return jdbc.sql("SELECT indicator_code, target_group, weight FROM ranking_criterion ORDER BY indicator_code, target_group")
                .query((rs, i) -> new Indicators.Criterion(rs.getString(1), rs.getString(2),
                        rs.getBigDecimal(3).stripTrailingZeros()))
                .list();
    }

    public void replaceCriteria(List<Indicators.Criterion> criteria) {
        jdbc.sql("DELETE FROM ranking_criterion").update();
        for (Indicators.Criterion c : criteria) {
            jdbc.sql("INSERT INTO ranking_criterion (indicator_code, target_group, weight) VALUES (?, ?, ?)")
                    .params(c.indicatorCode(), c.group(), c.weight()).update();
        }
    }

    public vn.binhdan.campaign.MissingData missingData() {
        return jdbc.sql("SELECT missing_data FROM ranking_rule WHERE id = 1").query(String.class).optional()
                .map(vn.binhdan.campaign.MissingData::valueOf).orElse(vn.binhdan.campaign.MissingData.ZERO);
    }

    public void setMissingData(vn.binhdan.campaign.MissingData rule) {
        if (jdbc.sql("UPDATE ranking_rule SET missing_data = ? WHERE id = 1").param(rule.name()).update() == 0) {
            jdbc.sql("INSERT INTO ranking_rule (id, missing_data) VALUES (1, ?)").param(rule.name()).update();
        }
    }

    /** Every compliance indicator's conditions, in order. */
    public java.util.Map<String, List<vn.binhdan.campaign.ComplianceRule>> complianceRules() {
        java.util.Map<String, List<vn.binhdan.campaign.ComplianceRule>> out = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT * FROM indicator_compliance ORDER BY indicator_code, position").query(rs -> {
            String kinds = rs.getString("kinds");
            out.computeIfAbsent(rs.getString("indicator_code"), k -> new java.util.ArrayList<>())
                    .add(new vn.binhdan.campaign.ComplianceRule(rs.getString("metric"),
                            kinds == null ? List.of() : List.of(kinds.split(",")),
                            vn.binhdan.campaign.ComplianceRule.Comparison.valueOf(rs.getString("comparison")),
                            rs.getLong("threshold"), java.time.MonthDay.parse("--" + rs.getString("window_from")),
                            java.time.MonthDay.parse("--" + rs.getString("window_to")), rs.getBoolean("each_month")));
        });
        return out;
    }

    public void replaceCompliance(String code, List<vn.binhdan.campaign.ComplianceRule> rules) {
        jdbc.sql("DELETE FROM indicator_compliance WHERE indicator_code = ?").param(code).update();
        int position = 0;
        for (vn.binhdan.campaign.ComplianceRule r : rules) {
            jdbc.sql("""
                    INSERT INTO indicator_compliance (indicator_code, position, metric, kinds, comparison, threshold,
                                                      window_from, window_to, each_month)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(code, ++position, r.metric(), r.kinds().isEmpty() ? null : String.join(",", r.kinds()),
                            r.comparison().name(), r.threshold(), r.from().toString().substring(2),
                            r.to().toString().substring(2), r.eachMonth())
                    .update();
        }
    }
}

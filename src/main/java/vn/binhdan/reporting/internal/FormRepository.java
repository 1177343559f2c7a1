package vn.binhdan.reporting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.binhdan.reporting.DueRule;
import vn.binhdan.reporting.Period;
import vn.binhdan.reporting.ReportForm;
import vn.binhdan.unit.UnitType;

@Repository
public class FormRepository {

    private final JdbcClient jdbc;

    public FormRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ReportForm> all() {
        return jdbc.sql("SELECT * FROM report_form WHERE active ORDER BY code").query((rs, i) -> rs.getString("code"))
                .list().stream().map(code -> find(code).orElseThrow()).toList();
    }

    public Optional<ReportForm> find(String code) {
        List<String> items = jdbc.sql("SELECT indicator_code FROM report_form_item WHERE form_code = ? ORDER BY position")
                .param(code).query(String.class).list();
        return jdbc.sql("SELECT * FROM report_form WHERE code = ? AND active").param(code)
                .query((rs, i) -> new ReportForm(rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"),
                        Period.Type.valueOf(rs.getString("period_type")), DueRule.parse(rs.getString("due_rule")),
                        split(rs.getString("reporter_types")).stream().map(UnitType::valueOf).toList(), items,
                        split(rs.getString("sections")).stream().map(ReportForm.Section::valueOf).toList()))
                .optional();
    }

    public boolean exists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM report_form WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    public void insert(ReportForm f, Instant at) {
        jdbc.sql("""
                INSERT INTO report_form (code, name_vi, name_en, period_type, due_rule, reporter_types, sections, installed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(f.code(), f.nameVi(), f.nameEn(), f.periodType().name(), f.dueRule().toString(),
                        String.join(",", f.reporters().stream().map(Enum::name).toList()),
                        String.join(",", f.sections().stream().map(Enum::name).toList()), Timestamp.from(at))
                .update();
        int position = 0;
        for (String code : f.indicatorCodes()) {
            jdbc.sql("INSERT INTO report_form_item (form_code, indicator_code, position) VALUES (?, ?, ?)")
                    .params(f.code(), code, ++position).update();
        }
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(String::strip).toList();
    }
}

package vn.binhdan.reporting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.binhdan.reporting.DueRule;
import vn.binhdan.reporting.Period;
import vn.binhdan.reporting.ReportForm;
import vn.binhdan.unit.UnitType;

/**
 * Report forms and their versions. {@code report_form} holds the form's identity, owner and
 * current version (and, for readers of the first schema, a copy of the current version's
 * columns); every version's content is in {@code report_form_version} and never rewritten.
 */
@Repository
public class FormRepository {

    private final JdbcClient jdbc;

    public FormRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current version of every active form. */
    public List<ReportForm> all() {
        return jdbc.sql("SELECT code FROM report_form WHERE active ORDER BY code").query(String.class).list()
                .stream().map(code -> find(code).orElseThrow()).toList();
    }

    /** The form's current version. */
    public Optional<ReportForm> find(String code) {
        return jdbc.sql("SELECT current_version FROM report_form WHERE code = ? AND active").param(code)
                .query(Integer.class).optional().flatMap(v -> find(code, v));
    }

    public Optional<ReportForm> find(String code, int version) {
        List<String> items = jdbc.sql("""
                SELECT indicator_code FROM report_form_version_item WHERE form_code = ? AND version = ? ORDER BY position""")
                .params(code, version).query(String.class).list();
        Map<UnitType, DueRule> levels = new EnumMap<>(UnitType.class);
        jdbc.sql("SELECT unit_type, due_rule FROM report_form_level_due WHERE form_code = ? AND version = ?")
                .params(code, version)
                .query(rs -> {
                    levels.put(UnitType.valueOf(rs.getString(1)), DueRule.parse(rs.getString(2)));
                });
        return jdbc.sql("""
                SELECT v.*, f.owner_code FROM report_form_version v JOIN report_form f ON f.code = v.form_code
                WHERE v.form_code = ? AND v.version = ?""")
                .params(code, version).query((rs, i) -> form(rs, items, levels)).optional();
    }

    /** The current version of a form whether retired or not, who wrote it, and whether the form is in use. */
    public record Current(ReportForm form, String createdBy, boolean active) {
    }

    public Optional<Current> current(String code) {
        return jdbc.sql("""
                SELECT f.current_version, f.active, v.created_by FROM report_form f
                JOIN report_form_version v ON v.form_code = f.code AND v.version = f.current_version
                WHERE f.code = ?""")
                .param(code)
                .query((rs, i) -> new Object[] {rs.getInt(1), rs.getBoolean(2), rs.getString(3)}).optional()
                .flatMap(r -> find(code, (Integer) r[0]).map(f -> new Current(f, (String) r[2], (Boolean) r[1])));
    }

    /** Every version of the form, newest first, for the page that shows what changed when. */
    public List<Version> versions(String code) {
        return jdbc.sql("SELECT version, created_by, created_at FROM report_form_version WHERE form_code = ? ORDER BY version DESC")
                .param(code)
                .query((rs, i) -> new Version(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
    }

    public record Version(int version, String createdBy, Instant createdAt) {
    }

    public boolean exists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM report_form WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    /** A new form, as its first version. */
    public void insert(ReportForm f, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO report_form (code, name_vi, name_en, period_type, due_rule, reporter_types, sections, installed_at,
                                         current_version, owner_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)""")
                .params(f.code(), f.nameVi(), f.nameEn(), f.periodType().name(), f.dueRule().toString(),
                        join(f.reporters()), join(f.sections()), Timestamp.from(at), f.ownerCode())
                .update();
        int position = 0;
        for (String code : f.indicatorCodes()) {
            jdbc.sql("INSERT INTO report_form_item (form_code, indicator_code, position) VALUES (?, ?, ?)")
                    .params(f.code(), code, ++position).update();
        }
        insertVersion(f, 1, by, at);
    }

    /**
     * Writes the next version and makes it current; returns its number. The form's row is locked
     * first so two edits at once make two versions, one after the other.
     */
    public int addVersion(ReportForm f, String by, Instant at) {
        int current = jdbc.sql("SELECT current_version FROM report_form WHERE code = ? FOR UPDATE").param(f.code())
                .query(Integer.class).single();
        int next = current + 1;
        insertVersion(f, next, by, at);
        jdbc.sql("""
                UPDATE report_form SET current_version = ?, name_vi = ?, name_en = ?, period_type = ?, due_rule = ?,
                       reporter_types = ?, sections = ?
                WHERE code = ?""")
                .params(next, f.nameVi(), f.nameEn(), f.periodType().name(), f.dueRule().toString(), join(f.reporters()),
                        join(f.sections()), f.code())
                .update();
        return next;
    }

    private void insertVersion(ReportForm f, int version, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO report_form_version (form_code, version, name_vi, name_en, period_type, due_rule, reporter_types,
                                                 sections, reminder_days, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(f.code(), version, f.nameVi(), f.nameEn(), f.periodType().name(), f.dueRule().toString(),
                        join(f.reporters()), join(f.sections()),
                        String.join(",", f.reminderDays().stream().map(String::valueOf).toList()), by, Timestamp.from(at))
                .update();
        int position = 0;
        for (String code : f.indicatorCodes()) {
            jdbc.sql("INSERT INTO report_form_version_item (form_code, version, indicator_code, position) VALUES (?, ?, ?, ?)")
                    .params(f.code(), version, code, ++position).update();
        }
        for (Map.Entry<UnitType, DueRule> e : f.levelDueRules().entrySet()) {
            jdbc.sql("INSERT INTO report_form_level_due (form_code, version, unit_type, due_rule) VALUES (?, ?, ?, ?)")
                    .params(f.code(), version, e.getKey().name(), e.getValue().toString()).update();
        }
    }

    private static ReportForm form(ResultSet rs, List<String> items, Map<UnitType, DueRule> levels) throws SQLException {
        return new ReportForm(rs.getString("form_code"), rs.getInt("version"), rs.getString("owner_code"),
                rs.getString("name_vi"), rs.getString("name_en"), Period.Type.valueOf(rs.getString("period_type")),
                DueRule.parse(rs.getString("due_rule")), levels,
                split(rs.getString("reporter_types")).stream().map(UnitType::valueOf).toList(), items,
                split(rs.getString("sections")).stream().map(ReportForm.Section::valueOf).toList(),
                split(rs.getString("reminder_days")).stream().map(Integer::valueOf).toList());
    }

    private static String join(List<? extends Enum<?>> values) {
        return String.join(",", values.stream().map(Enum::name).toList());
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(String::strip).toList();
    }
}

package vn.binhdan.campaign.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.binhdan.campaign.PlanCollective;
import vn.binhdan.campaign.PlanDueKind;
import vn.binhdan.campaign.PlanTaskDue;
import vn.binhdan.campaign.PlanTaskEvidence;
import vn.binhdan.campaign.PlanTaskNote;
import vn.binhdan.campaign.PlanTaskRole;
import vn.binhdan.campaign.PlanTaskStatus;

/** Plain SQL for plans, their sections, tasks, unit links, notes and evidence. */
@Repository
public class PlanRepository {

    /** A plan row with its issuer's name and current path. */
    public record PlanRow(long id, String number, String title, long issuerUnitId, String issuerName,
                          String issuerPath, LocalDate issuedOn, int fromYear, int toYear) {
    }

    public record SectionRow(long id, int position, String number, String title) {
    }

    public record TaskRow(long id, long planId, Long sectionId, int position, String number, String content,
                          PlanTaskDue due, PlanTaskStatus status) {
    }

    /** A lead or co-ordinating name with the unit it is linked to, if any (and that unit's path). */
    public record LinkRow(long id, long taskId, PlanTaskRole role, int position, String nameText, Long unitId,
                          String unitName, String unitPath, PlanCollective collective) {
    }

    private static final String PLAN_SELECT = """
            SELECT p.*, iu.name AS issuer_name, iu.path AS issuer_path
            FROM plan p JOIN unit iu ON iu.id = p.issuer_unit_id""";

    private final JdbcClient jdbc;

    public PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertPlan(String number, String title, long issuerUnitId, LocalDate issuedOn, int fromYear, int toYear,
                           String by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO plan (number, title, issuer_unit_id, issued_on, from_year, to_year, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(number, title, issuerUnitId, issuedOn == null ? null : Date.valueOf(issuedOn), fromYear, toYear,
                        by, Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void updatePlan(long id, String number, String title, long issuerUnitId, LocalDate issuedOn, int fromYear,
                           int toYear, Instant now) {
        jdbc.sql("""
                UPDATE plan SET number = ?, title = ?, issuer_unit_id = ?, issued_on = ?, from_year = ?, to_year = ?,
                                updated_at = ? WHERE id = ?""")
                .params(number, title, issuerUnitId, issuedOn == null ? null : Date.valueOf(issuedOn), fromYear, toYear,
                        Timestamp.from(now), id)
                .update();
    }

    public Optional<PlanRow> findPlan(long id) {
        return jdbc.sql(PLAN_SELECT + " WHERE p.id = ?").param(id).query(PlanRepository::plan).optional();
    }

    /** Holds the plan's row until the transaction ends, so two imports into one plan run one after the other. */
    public void lockPlan(long id) {
        jdbc.sql("SELECT id FROM plan WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
    }

    /** Plans issued inside the reach, or holding a task the reach sees; newest first. */
    public List<PlanRow> visiblePlans(PlanReach reach) {
        List<Object> params = new ArrayList<>();
        String issuer = reach.issuerPredicate(params);
        String task = reach.taskPredicate(params);
        return jdbc.sql(PLAN_SELECT + " WHERE " + issuer + " OR EXISTS (SELECT 1 FROM plan_task t WHERE t.plan_id = p.id AND "
                        + task + ") ORDER BY p.from_year DESC, p.issued_on DESC, p.id DESC")
                .params(params).query(PlanRepository::plan).list();
    }

    public List<SectionRow> sections(long planId) {
        return jdbc.sql("SELECT * FROM plan_section WHERE plan_id = ? ORDER BY position").param(planId)
                .query((rs, i) -> new SectionRow(rs.getLong("id"), rs.getInt("position"), rs.getString("number"),
                        rs.getString("title"))).list();
    }

    /** The tasks of some plans that the reach sees, in table order. */
    public List<TaskRow> visibleTasks(Collection<Long> planIds, PlanReach reach) {
        if (planIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        String predicate = reach.taskPredicate(params);
        StringBuilder in = new StringBuilder();
        for (Long id : planIds) {
            in.append(in.isEmpty() ? "?" : ", ?");
        }
        List<Object> all = new ArrayList<>(planIds);
        all.addAll(params);
        return jdbc.sql("SELECT t.* FROM plan_task t JOIN plan p ON p.id = t.plan_id JOIN unit iu ON iu.id = p.issuer_unit_id"
                        + " WHERE t.plan_id IN (" + in + ") AND " + predicate + " ORDER BY t.plan_id, t.position")
                .params(all).query(PlanRepository::task).list();
    }

    public Optional<TaskRow> findTask(long planId, long taskId) {
        return jdbc.sql("SELECT * FROM plan_task WHERE id = ? AND plan_id = ?").params(taskId, planId)
                .query(PlanRepository::task).optional();
    }

    public int countTasks(long planId) {
        return jdbc.sql("SELECT COUNT(*) FROM plan_task WHERE plan_id = ?").param(planId).query(Integer.class).single();
    }

    public int nextSectionPosition(long planId) {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM plan_section WHERE plan_id = ?").param(planId)
                .query(Integer.class).single();
    }

    public int nextTaskPosition(long planId) {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM plan_task WHERE plan_id = ?").param(planId)
                .query(Integer.class).single();
    }

    public long insertSection(long planId, int position, String number, String title) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO plan_section (plan_id, position, number, title) VALUES (?, ?, ?, ?)")
                .params(planId, position, number, title).update(keys, "id");
        return keys.getKey().longValue();
    }

    public long insertTask(long planId, Long sectionId, int position, String number, String content, PlanTaskDue due,
                           Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO plan_task (plan_id, section_id, position, number, content, due_text, due_kind, due_date, status, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(planId, sectionId, position, number, content, due.text(), due.kind().name(),
                        due.date() == null ? null : Date.valueOf(due.date()), PlanTaskStatus.NOT_STARTED.name(),
                        Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void updateTask(long taskId, Long sectionId, String number, String content, PlanTaskDue due, Instant now) {
        jdbc.sql("""
                UPDATE plan_task SET section_id = ?, number = ?, content = ?, due_text = ?, due_kind = ?, due_date = ?,
                                     updated_at = ? WHERE id = ?""")
                .params(sectionId, number, content, due.text(), due.kind().name(),
                        due.date() == null ? null : Date.valueOf(due.date()), Timestamp.from(now), taskId)
                .update();
    }

    public void setStatus(long taskId, PlanTaskStatus status, Instant now) {
        jdbc.sql("UPDATE plan_task SET status = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), Timestamp.from(now), taskId).update();
    }

    public void insertLink(long taskId, PlanTaskRole role, int position, String nameText, Long unitId,
                           PlanCollective collective) {
        jdbc.sql("INSERT INTO plan_task_unit (task_id, role, position, name_text, unit_id, collective) VALUES (?, ?, ?, ?, ?, ?)")
                .params(taskId, role.name(), position, nameText, unitId, collective == null ? null : collective.name())
                .update();
    }

    public void deleteLinks(long taskId) {
        jdbc.sql("DELETE FROM plan_task_unit WHERE task_id = ?").param(taskId).update();
    }

    public Map<Long, List<LinkRow>> links(Collection<Long> taskIds) {
        Map<Long, List<LinkRow>> out = new LinkedHashMap<>();
        if (taskIds.isEmpty()) {
            return out;
        }
        for (List<Long> chunk : chunks(taskIds)) {
            jdbc.sql("""
                    SELECT l.*, u.name AS unit_name, u.path AS unit_path FROM plan_task_unit l
                    LEFT JOIN unit u ON u.id = l.unit_id WHERE l.task_id IN (:ids) ORDER BY l.task_id, l.role, l.position""")
                    .param("ids", chunk).query(PlanRepository::link).list()
                    .forEach(l -> out.computeIfAbsent(l.taskId(), k -> new ArrayList<>()).add(l));
        }
        return out;
    }

    public Optional<LinkRow> findLink(long linkId) {
        return jdbc.sql("""
                SELECT l.*, u.name AS unit_name, u.path AS unit_path FROM plan_task_unit l
                LEFT JOIN unit u ON u.id = l.unit_id WHERE l.id = ?""").param(linkId).query(PlanRepository::link).optional();
    }

    public void linkUnit(long linkId, long unitId) {
        jdbc.sql("UPDATE plan_task_unit SET unit_id = ?, collective = NULL WHERE id = ?").params(unitId, linkId).update();
    }

    /** Names of a plan's tasks that no unit was found for, in table order. */
    public List<LinkRow> unmatched(long planId) {
        return jdbc.sql("""
                SELECT l.*, NULL AS unit_name, NULL AS unit_path FROM plan_task_unit l JOIN plan_task t ON t.id = l.task_id
                WHERE t.plan_id = ? AND l.unit_id IS NULL AND l.collective IS NULL ORDER BY t.position, l.role, l.position""")
                .param(planId).query(PlanRepository::link).list();
    }

    public void insertIndicator(long taskId, String code) {
        jdbc.sql("INSERT INTO plan_task_indicator (task_id, code) VALUES (?, ?)").params(taskId, code).update();
    }

    public void deleteIndicators(long taskId) {
        jdbc.sql("DELETE FROM plan_task_indicator WHERE task_id = ?").param(taskId).update();
    }

    public Map<Long, List<String>> indicators(Collection<Long> taskIds) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(taskIds)) {
            jdbc.sql("SELECT task_id, code FROM plan_task_indicator WHERE task_id IN (:ids) ORDER BY task_id, code")
                    .param("ids", chunk)
                    .query((rs, i) -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                    .list();
        }
        return out;
    }

    public long insertNote(long taskId, String body, PlanTaskStatus status, String author, String authorName, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO plan_task_note (task_id, body, status, author, author_name, created_at) VALUES (?, ?, ?, ?, ?, ?)""")
                .params(taskId, body, status == null ? null : status.name(), author, authorName, Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<PlanTaskNote> notes(long taskId) {
        return jdbc.sql("SELECT * FROM plan_task_note WHERE task_id = ? ORDER BY id DESC").param(taskId)
                .query((rs, i) -> new PlanTaskNote(rs.getLong("id"), rs.getString("body"),
                        rs.getString("status") == null ? null : PlanTaskStatus.valueOf(rs.getString("status")),
                        rs.getString("author"), rs.getString("author_name"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public long insertEvidence(long taskId, String fileName, String mediaType, byte[] content, String sha256, String by,
                               Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO plan_task_evidence (task_id, file_name, media_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(taskId, fileName, mediaType, content.length, sha256, content, by, Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<PlanTaskEvidence> evidence(long taskId) {
        return jdbc.sql("""
                SELECT id, file_name, media_type, size_bytes, uploaded_by, uploaded_at FROM plan_task_evidence
                WHERE task_id = ? ORDER BY id""").param(taskId)
                .query((rs, i) -> new PlanTaskEvidence(rs.getLong("id"), rs.getString("file_name"),
                        rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    public record EvidenceRow(String fileName, String mediaType, byte[] content) {
    }

    public Optional<EvidenceRow> evidenceContent(long taskId, long evidenceId) {
        return jdbc.sql("SELECT file_name, media_type, content FROM plan_task_evidence WHERE id = ? AND task_id = ?")
                .params(evidenceId, taskId)
                .query((rs, i) -> new EvidenceRow(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            out.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return out;
    }

    private static PlanRow plan(ResultSet rs, int i) throws SQLException {
        Date issued = rs.getDate("issued_on");
        return new PlanRow(rs.getLong("id"), rs.getString("number"), rs.getString("title"), rs.getLong("issuer_unit_id"),
                rs.getString("issuer_name"), rs.getString("issuer_path"), issued == null ? null : issued.toLocalDate(),
                rs.getInt("from_year"), rs.getInt("to_year"));
    }

    private static TaskRow task(ResultSet rs, int i) throws SQLException {
        Date due = rs.getDate("due_date");
        return new TaskRow(rs.getLong("id"), rs.getLong("plan_id"), rs.getObject("section_id", Long.class),
                rs.getInt("position"), rs.getString("number"), rs.getString("content"),
                new PlanTaskDue(PlanDueKind.valueOf(rs.getString("due_kind")), rs.getString("due_text"),
                        due == null ? null : due.toLocalDate()),
                PlanTaskStatus.valueOf(rs.getString("status")));
    }

    private static LinkRow link(ResultSet rs, int i) throws SQLException {
        String collective = rs.getString("collective");
        return new LinkRow(rs.getLong("id"), rs.getLong("task_id"), PlanTaskRole.valueOf(rs.getString("role")),
                rs.getInt("position"), rs.getString("name_text"), rs.getObject("unit_id", Long.class),
                rs.getString("unit_name"), rs.getString("unit_path"),
                collective == null ? null : PlanCollective.valueOf(rs.getString("collective")));
    }
}

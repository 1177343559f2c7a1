package vn.binhdan.assistant.internal.path;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class PathRepository {

    private final JdbcClient jdbc;

    public PathRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CheckRow(long id, long personId, String targetGroup, String frameworkVersion, String pending,
                           Instant startedAt, Instant finishedAt) {
    }

    public record AnswerRow(int seq, String questionCode, String competency, double logit, boolean correct) {
    }

    public record MasteryRow(String competency, double ability, double spread, double mastery, int evidence,
                             String source, Instant updatedAt) {
    }

    /** One competency over the learners of a unit's subtree who have an estimate. */
    public record UnitRow(String competency, int learners, double meanMastery, int mastered, int notYet) {
    }

    public long createCheck(long personId, String group, String version, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO placement_check (person_id, target_group, framework_version, started_at)
                VALUES (?, ?, ?, ?)""").params(personId, group, version, Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<CheckRow> check(long id) {
        return jdbc.sql("SELECT * FROM placement_check WHERE id = ?").param(id).query((rs, i) -> new CheckRow(
                rs.getLong("id"), rs.getLong("person_id"), rs.getString("target_group"),
                rs.getString("framework_version"), rs.getString("pending_question"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant())).optional();
    }

    /** Serialises answers to one check: a double submit must not record the same question twice. */
    public void lock(long id) {
        jdbc.sql("SELECT id FROM placement_check WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
    }

    public Optional<Long> latestCheck(long personId) {
        return jdbc.sql("SELECT id FROM placement_check WHERE person_id = ? ORDER BY started_at DESC, id DESC")
                .param(personId).query(Long.class).list().stream().findFirst();
    }

    /** Every question any placement check showed this person, the one waiting for an answer included. */
    public java.util.Set<String> placementQuestions(long personId) {
        java.util.Set<String> out = new java.util.HashSet<>(jdbc.sql("""
                SELECT a.question_code FROM placement_answer a JOIN placement_check c ON c.id = a.check_id
                WHERE c.person_id = ?""").param(personId).query(String.class).list());
        out.addAll(jdbc.sql("SELECT pending_question FROM placement_check WHERE person_id = ? AND pending_question IS NOT NULL")
                .param(personId).query(String.class).list());
        return out;
    }

    public List<AnswerRow> answers(long checkId) {
        return jdbc.sql("""
                SELECT seq, question_code, competency, logit, correct FROM placement_answer WHERE check_id = ?
                ORDER BY seq""").param(checkId).query((rs, i) -> new AnswerRow(rs.getInt(1), rs.getString(2),
                rs.getString(3), rs.getDouble(4), rs.getBoolean(5))).list();
    }

    public void addAnswer(long checkId, int seq, String code, String competency, double logit, boolean correct,
                          Instant now) {
        jdbc.sql("""
                INSERT INTO placement_answer (check_id, seq, question_code, competency, logit, correct, answered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(checkId, seq, code, competency, logit, correct, Timestamp.from(now)).update();
    }

    public void setPending(long checkId, String code) {
        jdbc.sql("UPDATE placement_check SET pending_question = ? WHERE id = ?").params(code, checkId).update();
    }

    public void finish(long checkId, Instant now) {
        jdbc.sql("UPDATE placement_check SET pending_question = NULL, finished_at = ? WHERE id = ?")
                .params(Timestamp.from(now), checkId).update();
    }

    public void saveMastery(long personId, String version, PlacementModel.Estimate e, String source, Instant now) {
        int n = jdbc.sql("""
                UPDATE competency_mastery SET ability = ?, spread = ?, mastery = ?, evidence = ?, source = ?, updated_at = ?
                WHERE person_id = ? AND framework_version = ? AND competency = ?""")
                .params(e.ability(), e.spread(), e.mastery(), e.answered(), source, Timestamp.from(now), personId,
                        version, e.competency())
                .update();
        if (n == 0) {
            jdbc.sql("""
                    INSERT INTO competency_mastery (person_id, framework_version, competency, ability, spread, mastery,
                                                    evidence, source, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(personId, version, e.competency(), e.ability(), e.spread(), e.mastery(), e.answered(),
                            source, Timestamp.from(now))
                    .update();
        }
    }

    public Map<String, MasteryRow> mastery(long personId, String version) {
        Map<String, MasteryRow> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT competency, ability, spread, mastery, evidence, source, updated_at FROM competency_mastery
                WHERE person_id = ? AND framework_version = ?""").params(personId, version)
                .query((rs, i) -> out.put(rs.getString(1), new MasteryRow(rs.getString(1), rs.getDouble(2),
                        rs.getDouble(3), rs.getDouble(4), rs.getInt(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant())))
                .list();
        return out;
    }

    public Optional<String> mostEstimatedVersion(String unitPath) {
        return jdbc.sql("""
                SELECT m.framework_version FROM competency_mastery m
                JOIN person p ON p.id = m.person_id
                JOIN unit u ON u.id = p.residence_unit_id
                WHERE u.path LIKE ?
                GROUP BY m.framework_version ORDER BY COUNT(*) DESC, m.framework_version DESC""")
                .param(unitPath + "%").query(String.class).list().stream().findFirst();
    }

    /** Learners counted where they live, as in the other officer views. */
    public List<UnitRow> unitMastery(String unitPath, String version, double masteredAt) {
        return jdbc.sql("""
                SELECT m.competency, COUNT(*), AVG(m.mastery),
                       SUM(CASE WHEN m.mastery >= ? THEN 1 ELSE 0 END),
                       SUM(CASE WHEN m.mastery <= ? THEN 1 ELSE 0 END)
                FROM competency_mastery m
                JOIN person p ON p.id = m.person_id
                JOIN unit u ON u.id = p.residence_unit_id
                WHERE m.framework_version = ? AND u.path LIKE ?
                GROUP BY m.competency""")
                .params(masteredAt, 1 - masteredAt, version, unitPath + "%")
                .query((rs, i) -> new UnitRow(rs.getString(1), rs.getInt(2), rs.getDouble(3), rs.getInt(4),
                        rs.getInt(5)))
                .list();
    }
}

package vn.binhdan.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.binhdan.assessment.Question;
import vn.binhdan.assessment.QuestionType;
import vn.binhdan.people.TargetGroup;

@Repository
public class QuestionRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    public QuestionRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // target_groups is a short comma-separated list of enum names
    private static final String FOR_GROUP = "(',' || target_groups || ',') LIKE ?";

    private static String groupPattern(TargetGroup group) {
        return "%," + group.name() + ",%";
    }

    /** The competency of every active question of a framework version meant for a group (one per question). */
    public List<String> activeCompetencies(String frameworkVersion, TargetGroup group) {
        return jdbc.sql("SELECT competency FROM question WHERE active AND framework_version = ? AND " + FOR_GROUP)
                .params(frameworkVersion, groupPattern(group)).query(String.class).list();
    }

    public void setPicture(String code, int optionIndex, String mediaType, byte[] content, String by) {
        String sha;
        try {
            sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (jdbc.sql("SELECT COUNT(*) FROM question_media WHERE sha = ?").param(sha).query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO question_media (sha, media_type, content, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(sha, mediaType, content, by, Timestamp.from(clock.instant())).update();
        }
        long id = jdbc.sql("SELECT id FROM question WHERE code = ?").param(code).query(Long.class).single();
        jdbc.sql("DELETE FROM question_option_image WHERE question_id = ? AND option_index = ?").params(id, optionIndex)
                .update();
        jdbc.sql("INSERT INTO question_option_image (question_id, option_index, media_sha) VALUES (?, ?, ?)")
                .params(id, optionIndex, sha).update();
    }

    public void removePicture(String code, int optionIndex) {
        jdbc.sql("""
                DELETE FROM question_option_image WHERE option_index = ?
                AND question_id = (SELECT id FROM question WHERE code = ?)""").params(optionIndex, code).update();
    }

    public java.util.Map<Integer, String> pictures(String code) {
        java.util.Map<Integer, String> out = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT m.option_index, m.media_sha FROM question_option_image m JOIN question q ON q.id = m.question_id
                WHERE q.code = ?""").param(code).query((rs, i) -> out.put(rs.getInt(1), rs.getString(2))).list();
        return out;
    }

    public Optional<vn.binhdan.assessment.QuestionBank.Picture> picture(String sha) {
        return jdbc.sql("SELECT media_type, content FROM question_media WHERE sha = ?").param(sha)
                .query((rs, i) -> new vn.binhdan.assessment.QuestionBank.Picture(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    public long countForVersion(String frameworkVersion) {
        return jdbc.sql("SELECT COUNT(*) FROM question WHERE framework_version = ?").param(frameworkVersion)
                .query(Long.class).single();
    }

    public Optional<Question> find(String code) {
        return jdbc.sql("SELECT * FROM question WHERE code = ?").param(code).query(QuestionRepository::map).optional();
    }

    public List<Question> list(String competency, TargetGroup group) {
        StringBuilder sql = new StringBuilder("SELECT * FROM question WHERE active");
        List<Object> params = new ArrayList<>();
        if (competency != null && !competency.isBlank()) {
            sql.append(" AND competency = ?");
            params.add(competency.trim());
        }
        if (group != null) {
            sql.append(" AND ").append(FOR_GROUP);
            params.add(groupPattern(group));
        }
        sql.append(" ORDER BY competency, code");
        return jdbc.sql(sql.toString()).params(params).query(QuestionRepository::map).list();
    }

    /** Inserts the question or replaces its content, keeping its statistics; true when it is new. */
    public boolean upsert(Question q, String by) {
        Timestamp now = Timestamp.from(clock.instant());
        String groups = TargetGroup.codes(q.targetGroups());
        int updated = jdbc.sql("""
                UPDATE question SET framework_version = ?, competency = ?, target_groups = ?, type = ?, difficulty = ?,
                       prompt = ?, options = ?, answer = ?, explanation = ?, active = TRUE, created_by = ?, updated_at = ?
                WHERE code = ?""")
                .params(q.frameworkVersion(), q.competency(), groups, q.type().name(), q.difficulty(), q.prompt(),
                        JSON.writeValueAsString(q.options()), JSON.writeValueAsString(q.answer()), q.explanation(), by,
                        now, q.code())
                .update();
        if (updated > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO question (code, framework_version, competency, target_groups, type, difficulty, prompt, options,
                                      answer, explanation, created_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(q.code(), q.frameworkVersion(), q.competency(), groups, q.type().name(), q.difficulty(),
                        q.prompt(), JSON.writeValueAsString(q.options()), JSON.writeValueAsString(q.answer()),
                        q.explanation(), by, now)
                .update();
        return true;
    }

    /** A question as stored, with what tells a shipped question the province changed from one it left alone. */
    public record Stored(long id, Question question, String createdBy, boolean pictured, boolean answered) {
    }

    public Optional<Stored> stored(String code) {
        return jdbc.sql("""
                SELECT q.*,
                       (SELECT COUNT(*) FROM question_option_image m WHERE m.question_id = q.id) AS picture_count,
                       (SELECT COUNT(*) FROM exam_item i WHERE i.question_id = q.id) AS asked_count
                FROM question q WHERE q.code = ?""")
                .param(code)
                .query((rs, i) -> new Stored(rs.getLong("id"), map(rs, i), rs.getString("created_by"),
                        rs.getLong("picture_count") > 0, rs.getLong("asked_count") > 0))
                .optional();
    }

    /**
     * Sets a version of a question aside under a code of its own (the code, "~" and a number), out
     * of every draw: the exam attempts that asked it keep pointing at the words, options and answer
     * they were graded on, while the code is free for the next version.
     */
    public void archive(long id, String code) {
        long earlier = jdbc.sql("SELECT COUNT(*) FROM question WHERE code LIKE ?").param(code + "~%")
                .query(Long.class).single();
        String suffix = "~" + (earlier + 1);
        String archived = (code.length() + suffix.length() > 40 ? code.substring(0, 40 - suffix.length()) : code) + suffix;
        jdbc.sql("UPDATE question SET code = ?, active = FALSE WHERE id = ?").params(archived, id).update();
    }

    /**
     * Whether a contest round not yet scored asked the question: the round shows the words it
     * copied at set-up and grades against the bank by code, so the key must not move under it.
     */
    public boolean inOpenContestRound(String code) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM contest_question q JOIN contest_round r ON r.id = q.round_id
                WHERE q.question_code = ? AND r.closed_at IS NULL""").param(code).query(Long.class).single() > 0;
    }

    private static Question map(ResultSet rs, int i) throws SQLException {
        Set<TargetGroup> groups = TargetGroup.fromCodes(rs.getString("target_groups"));
        return new Question(rs.getString("code"), rs.getString("framework_version"), rs.getString("competency"),
                groups, QuestionType.valueOf(rs.getString("type")), rs.getInt("difficulty"), rs.getString("prompt"),
                JSON.readValue(rs.getString("options"), new TypeReference<List<String>>() { }),
                JSON.readValue(rs.getString("answer"), new TypeReference<List<Integer>>() { }),
                rs.getString("explanation"), rs.getBoolean("active"), rs.getLong("times_used"),
                rs.getLong("times_correct"));
    }
}

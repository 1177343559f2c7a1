package vn.binhdan.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.binhdan.assessment.QuestionType;
import vn.binhdan.people.TargetGroup;

/** Plain SQL for attempts: the autosave path is two short statements, the rest is rare. */
@Repository
public class AttemptRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public AttemptRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public record AttemptRow(String id, long personId, TargetGroup targetGroup, String frameworkVersion,
                             boolean active, Instant startedAt, Instant deadline, int passPercent, int questionCount,
                             Instant finishedAt, String finishedHow, Integer correctCount, Integer scorePercent,
                             Boolean passed) {
    }

    /** An item with its question, answer included: for grading and for the learner's view (minus answer). */
    public record ItemRow(int position, long questionId, int[] optionOrder, List<Integer> choice, QuestionType type,
                          String competency, String prompt, List<String> options, List<Integer> answer,
                          Boolean correct) {
    }

    /** Whether the person has an attempt still running at {@code now} (one not yet graded nor past its deadline). */
    public boolean hasOpenAttempt(long personId, java.time.Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM exam_attempt WHERE active_person_id = ? AND status = 'ACTIVE' AND deadline > ?")
                .params(personId, java.sql.Timestamp.from(now)).query(Long.class).single() > 0;
    }

    public List<FormDraw.Candidate> candidates(String frameworkVersion, TargetGroup group) {
        return jdbc.sql("""
                SELECT id, competency, difficulty, times_used, type, options FROM question
                WHERE active AND framework_version = ? AND (',' || target_groups || ',') LIKE ?""")
                .params(frameworkVersion, "%," + group.name() + ",%")
                .query((rs, i) -> new FormDraw.Candidate(rs.getLong("id"), rs.getString("competency"),
                        rs.getInt("difficulty"), rs.getLong("times_used"), QuestionType.valueOf(rs.getString("type")),
                        JSON.readValue(rs.getString("options"), new TypeReference<List<String>>() { }).size()))
                .list();
    }

    public Set<Long> seenQuestions(long personId) {
        return new HashSet<>(jdbc.sql("""
                SELECT DISTINCT i.question_id FROM exam_item i JOIN exam_attempt a ON a.id = i.attempt_id
                WHERE a.person_id = ?""").param(personId).query(Long.class).list());
    }

    public Set<Long> questionIds(java.util.Collection<String> codes) {
        Set<Long> out = new HashSet<>();
        // in slices: a placement check asks at most 25, but the list is not bounded here
        List<String> all = new java.util.ArrayList<>(codes);
        for (int i = 0; i < all.size(); i += 500) {
            List<String> slice = all.subList(i, Math.min(all.size(), i + 500));
            out.addAll(jdbc.sql("SELECT id FROM question WHERE code IN (:codes)").param("codes", slice)
                    .query(Long.class).list());
        }
        return out;
    }

    public void insert(AttemptRow a, String unitPath, String clientIp, String device, List<FormDraw.Drawn> form) {
        jdbc.sql("""
                INSERT INTO exam_attempt (id, person_id, target_group, framework_version, status, active_person_id,
                                          started_at, deadline, pass_percent, question_count, unit_path, client_ip,
                                          device)
                VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.personId(), a.targetGroup().name(), a.frameworkVersion(), a.personId(),
                        Timestamp.from(a.startedAt()), Timestamp.from(a.deadline()), a.passPercent(),
                        a.questionCount(), unitPath, clientIp, device)
                .update();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < form.size(); i++) {
            FormDraw.Drawn d = form.get(i);
            rows.add(new Object[] {a.id(), i + 1, d.question().id(), join(d.optionOrder())});
        }
        template.batchUpdate("INSERT INTO exam_item (attempt_id, position, question_id, option_order) VALUES (?, ?, ?, ?)",
                rows);
    }

    public Optional<AttemptRow> find(String id) {
        return jdbc.sql("SELECT * FROM exam_attempt WHERE id = ?").param(id).query(AttemptRepository::map).optional();
    }

    /** Locks the attempt row for grading: autosaves touch the same row, so they wait or see it graded. */
    public Optional<AttemptRow> lock(String id) {
        return jdbc.sql("SELECT * FROM exam_attempt WHERE id = ? FOR UPDATE").param(id).query(AttemptRepository::map)
                .optional();
    }

    public List<AttemptRow> ofPerson(long personId) {
        return jdbc.sql("SELECT * FROM exam_attempt WHERE person_id = ? ORDER BY started_at DESC").param(personId)
                .query(AttemptRepository::map).list();
    }

    public List<String> overdue(Instant before, int limit) {
        return jdbc.sql("SELECT id FROM exam_attempt WHERE status = 'ACTIVE' AND deadline < ? ORDER BY deadline")
                .param(Timestamp.from(before)).query(String.class).list().stream().limit(limit).toList();
    }

    public List<ItemRow> items(String attemptId) {
        return jdbc.sql("""
                SELECT i.position, i.question_id, i.option_order, i.choice, i.correct, q.type, q.competency, q.prompt,
                       q.options, q.answer
                FROM exam_item i JOIN question q ON q.id = i.question_id
                WHERE i.attempt_id = ? ORDER BY i.position""")
                .param(attemptId)
                .query((rs, n) -> new ItemRow(rs.getInt("position"), rs.getLong("question_id"),
                        ints(rs.getString("option_order")), list(rs.getString("choice")),
                        QuestionType.valueOf(rs.getString("type")), rs.getString("competency"),
                        rs.getString("prompt"),
                        JSON.readValue(rs.getString("options"), new TypeReference<List<String>>() { }),
                        JSON.readValue(rs.getString("answer"), new TypeReference<List<Integer>>() { }),
                        (Boolean) rs.getObject("correct")))
                .list();
    }

    /** Pictures of the attempt's options: position → (option index in the question's order → picture id). */
    public java.util.Map<Integer, java.util.Map<Integer, String>> pictures(String attemptId) {
        java.util.Map<Integer, java.util.Map<Integer, String>> out = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT i.position, m.option_index, m.media_sha FROM exam_item i
                JOIN question_option_image m ON m.question_id = i.question_id WHERE i.attempt_id = ?""")
                .param(attemptId)
                .query((rs, n) -> out.computeIfAbsent(rs.getInt(1), p -> new java.util.HashMap<>())
                        .put(rs.getInt(2), rs.getString(3)))
                .list();
        return out;
    }

    /**
     * Saves one answer if the attempt is still open: one statement. Grading locks the items
     * before reading them and marks every one right or wrong, so an answer arriving while an
     * attempt is graded either lands before the grading reads it or finds the item marked
     * ({@code correct} no longer null, re-checked on the row's latest version) and is refused.
     */
    public boolean saveIfOpen(String attemptId, int position, List<Integer> choice, Instant at, Instant deadlineAfter) {
        return jdbc.sql("""
                UPDATE exam_item SET choice = ?, answered_at = ?
                WHERE attempt_id = ? AND position = ? AND correct IS NULL
                  AND EXISTS (SELECT 1 FROM exam_attempt a WHERE a.id = ? AND a.status = 'ACTIVE' AND a.deadline > ?)""")
                .params(choice.isEmpty() ? null : join(choice), choice.isEmpty() ? null : Timestamp.from(at),
                        attemptId, position, attemptId, Timestamp.from(deadlineAfter))
                .update() == 1;
    }

    /** Waits for answers being saved to the attempt right now, and holds off later ones until grading ends. */
    public void lockItems(String attemptId) {
        jdbc.sql("SELECT position FROM exam_item WHERE attempt_id = ? FOR UPDATE").param(attemptId).query(Integer.class)
                .list();
    }

    /** Marks each item right or wrong and keeps its answer in the question's own option order. */
    public void markItems(String attemptId, List<ItemRow> items, boolean[] correct) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ItemRow item = items.get(i);
            List<Integer> original = new ArrayList<>();
            item.choice().forEach(shown -> original.add(item.optionOrder()[shown]));
            if (item.type() != QuestionType.ORDERING) {
                original.sort(null);
            }
            rows.add(new Object[] {correct[i], original.isEmpty() ? null : join(original), attemptId, item.position()});
        }
        template.batchUpdate("UPDATE exam_item SET correct = ?, original_choice = ? WHERE attempt_id = ? AND position = ?",
                rows);
    }

    /** Usage statistics, in question-id order so concurrent gradings never wait on each other in a cycle. */
    public void countUsage(List<ItemRow> items, boolean[] correct) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rows.add(new Object[] {correct[i] ? 1 : 0, items.get(i).questionId()});
        }
        rows.sort((a, b) -> Long.compare((Long) a[1], (Long) b[1]));
        template.batchUpdate("UPDATE question SET times_used = times_used + 1, times_correct = times_correct + ? WHERE id = ?",
                rows);
    }

    public void finish(String attemptId, Instant at, String how, int correct, int percent, boolean passed) {
        jdbc.sql("""
                UPDATE exam_attempt SET status = 'GRADED', active_person_id = NULL, finished_at = ?, finished_how = ?,
                       correct_count = ?, score_percent = ?, passed = ?
                WHERE id = ?""")
                .params(Timestamp.from(at), how, correct, percent, passed, attemptId).update();
    }

    private static AttemptRow map(ResultSet rs, int i) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new AttemptRow(rs.getString("id"), rs.getLong("person_id"), TargetGroup.valueOf(rs.getString("target_group")),
                rs.getString("framework_version"), "ACTIVE".equals(rs.getString("status")),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("deadline").toInstant(),
                rs.getInt("pass_percent"), rs.getInt("question_count"), finished == null ? null : finished.toInstant(),
                rs.getString("finished_how"), (Integer) rs.getObject("correct_count"),
                (Integer) rs.getObject("score_percent"), (Boolean) rs.getObject("passed"));
    }

    static String join(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static int[] ints(String text) {
        return text == null || text.isEmpty() ? new int[0] : Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    static List<Integer> list(String text) {
        return Arrays.stream(ints(text)).boxed().toList();
    }
}

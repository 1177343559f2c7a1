package vn.binhdan.learning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.binhdan.learning.Enrolment;
import vn.binhdan.learning.HistoryEntry;

/** Enrolments, lesson progress and learning statements; every write is safe to repeat. */
@Repository
public class ProgressRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ProgressRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<Enrolment> enrolment(long personId, long courseId) {
        return jdbc.sql("SELECT * FROM enrolment WHERE person_id = ? AND course_id = ?").params(personId, courseId)
                .query(ProgressRepository::enrolment).optional();
    }

    public List<Enrolment> enrolments(long personId) {
        return jdbc.sql("SELECT * FROM enrolment WHERE person_id = ? ORDER BY COALESCE(last_seen_at, enrolled_at) DESC")
                .param(personId).query(ProgressRepository::enrolment).list();
    }

    private static Enrolment enrolment(ResultSet rs, int i) throws SQLException {
        long last = rs.getLong("last_lesson_id");
        return new Enrolment(rs.getLong("person_id"), rs.getLong("course_id"), instant(rs, "enrolled_at"),
                rs.getString("enrolled_by"), rs.getString("source"), rs.wasNull() ? null : last,
                instant(rs, "last_seen_at"), instant(rs, "completed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** Enrols persons not yet enrolled; returns how many were new. */
    public int enrol(List<Long> personIds, long courseId, String by, String source, Instant now) {
        Timestamp ts = Timestamp.from(now);
        int added = 0;
        for (int from = 0; from < personIds.size(); from += 1000) {
            List<Long> chunk = personIds.subList(from, Math.min(personIds.size(), from + 1000));
            int[] counts = template.batchUpdate("""
                            INSERT INTO enrolment (person_id, course_id, enrolled_at, enrolled_by, source)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    chunk, chunk.size(), (ps, id) -> {
                        ps.setLong(1, id);
                        ps.setLong(2, courseId);
                        ps.setTimestamp(3, ts);
                        ps.setString(4, by);
                        ps.setString(5, source);
                    })[0];
            for (int c : counts) {
                added += Math.max(c, 0);
            }
        }
        return added;
    }

    /** A learner's enrolment in a course with the lessons opened and those completed, in one read. */
    public record State(Enrolment enrolment, Set<Long> opened, Set<Long> completed) {
    }

    /** A course's edit stamp with a learner's state in it (empty when not enrolled): a lesson view's one read. */
    public record CourseState(long courseId, Instant courseUpdatedAt, Optional<State> state) {
    }

    public Optional<CourseState> courseState(String courseCode, long personId) {
        long[] courseId = {-1};
        Instant[] updated = new Instant[1];
        Enrolment[] enrolment = new Enrolment[1];
        Set<Long> opened = new HashSet<>();
        Set<Long> completed = new HashSet<>();
        jdbc.sql("""
                SELECT c.id AS the_course, c.updated_at AS course_updated_at, e.*,
                       lp.lesson_id AS progress_lesson, lp.completed_at AS progress_done
                FROM course c
                LEFT JOIN enrolment e ON e.course_id = c.id AND e.person_id = ?
                LEFT JOIN lesson_progress lp ON lp.person_id = e.person_id AND lp.course_id = e.course_id
                WHERE c.code = ?""")
                .params(personId, courseCode)
                .query(rs -> {
                    if (courseId[0] < 0) {
                        courseId[0] = rs.getLong("the_course");
                        updated[0] = rs.getTimestamp("course_updated_at").toInstant();
                        rs.getLong("person_id");
                        if (!rs.wasNull()) {
                            enrolment[0] = enrolment(rs, 0);
                        }
                    }
                    long lesson = rs.getLong("progress_lesson");
                    if (!rs.wasNull()) {
                        opened.add(lesson);
                        if (rs.getTimestamp("progress_done") != null) {
                            completed.add(lesson);
                        }
                    }
                });
        if (courseId[0] < 0) {
            return Optional.empty();
        }
        return Optional.of(new CourseState(courseId[0], updated[0],
                Optional.ofNullable(enrolment[0]).map(e -> new State(e, opened, completed))));
    }

    /** Records a view of a lesson already opened before: only the last lesson seen moves. */
    public void seen(long personId, long courseId, long lessonId, Instant now) {
        jdbc.sql("UPDATE enrolment SET last_lesson_id = ?, last_seen_at = ? WHERE person_id = ? AND course_id = ?")
                .params(lessonId, Timestamp.from(now), personId, courseId).update();
    }

    /** Records that a lesson was opened; true the first time. */
    public boolean opened(long personId, long courseId, long lessonId, Instant now) {
        Timestamp ts = Timestamp.from(now);
        int inserted = jdbc.sql("""
                INSERT INTO lesson_progress (person_id, lesson_id, course_id, first_opened_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""").params(personId, lessonId, courseId, ts).update();
        jdbc.sql("UPDATE enrolment SET last_lesson_id = ?, last_seen_at = ? WHERE person_id = ? AND course_id = ?")
                .params(lessonId, ts, personId, courseId).update();
        return inserted > 0;
    }

    /** Marks a lesson done; true only the first time, so events are published once. */
    public boolean complete(long personId, long lessonId, String by, Instant now) {
        return jdbc.sql("""
                UPDATE lesson_progress SET completed_at = ?, completed_by = ?
                WHERE person_id = ? AND lesson_id = ? AND completed_at IS NULL""")
                .params(Timestamp.from(now), by, personId, lessonId).update() > 0;
    }

    public void attempt(long personId, long lessonId, int scorePercent) {
        jdbc.sql("""
                UPDATE lesson_progress SET check_attempts = check_attempts + 1,
                       best_score = CASE WHEN best_score IS NULL OR best_score < ? THEN ? ELSE best_score END
                WHERE person_id = ? AND lesson_id = ?""")
                .params(scorePercent, scorePercent, personId, lessonId).update();
    }

    public Set<Long> completedLessons(long personId, long courseId) {
        return new HashSet<>(jdbc.sql("""
                SELECT lesson_id FROM lesson_progress WHERE person_id = ? AND course_id = ? AND completed_at IS NOT NULL""")
                .params(personId, courseId).query(Long.class).list());
    }

    public boolean completeCourse(long personId, long courseId, Instant now) {
        return jdbc.sql("UPDATE enrolment SET completed_at = ? WHERE person_id = ? AND course_id = ? AND completed_at IS NULL")
                .params(Timestamp.from(now), personId, courseId).update() > 0;
    }

    public void statement(String id, long personId, String verb, String objectType, long objectId, long courseId,
                          Integer scorePercent, Instant at, String json) {
        jdbc.sql("""
                INSERT INTO learning_statement (id, person_id, verb, object_type, object_id, course_id, score_percent,
                                                stored_at, statement)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(id, personId, verb, objectType, objectId, courseId, scorePercent, Timestamp.from(at), json)
                .update();
    }

    public List<HistoryEntry> history(long personId, int limit) {
        return jdbc.sql("""
                SELECT s.stored_at, s.verb, c.code, l.code AS lesson_code,
                       CASE WHEN s.object_type = 'lesson' THEN l.title ELSE c.title END AS title, s.score_percent
                FROM learning_statement s JOIN course c ON c.id = s.course_id
                LEFT JOIN lesson l ON s.object_type = 'lesson' AND l.id = s.object_id
                WHERE s.person_id = ? ORDER BY s.stored_at DESC, s.id LIMIT ?""")
                .params(personId, limit)
                .query((rs, i) -> new HistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), vn.binhdan.shared.LocalizedText.fromJson(rs.getString(5)).text(),
                        (Integer) rs.getObject(6)))
                .list();
    }
}

package vn.binhdan.community.internal.classes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Classes, sessions and attendance rows. Unit paths are joined at read time, never stored. */
@Repository
public class ClassRepository {

    public record ClassRow(long id, long unitId, String unitName, String unitPath, String title, String place,
                           Long teacherPersonId, String teacherName, String topics, String targetGroup,
                           String courseCode, LocalDate countedOn, Instant cancelledAt) {
    }

    public record SessionRow(long id, long classId, LocalDate date, LocalTime startsAt, LocalTime endsAt,
                             Instant heldAt, int attendance) {
    }

    public record AttendeeRow(long id, long personId, String fullName, String method, Instant recordedAt) {
    }

    public record DayCount(String unitPath, LocalDate day, int count) {
    }

    private static final String CLASS_SELECT = """
            SELECT c.*, u.name AS unit_name, u.path AS unit_path,
                   COALESCE(p.full_name, c.teacher_name) AS teacher
            FROM community_class c JOIN unit u ON u.id = c.unit_id
            LEFT JOIN person p ON p.id = c.teacher_person_id""";

    private final JdbcClient jdbc;

    public ClassRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertClass(long unitId, String title, String place, Long teacherPersonId, String teacherName,
                            String topics, String group, String courseCode, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO community_class (unit_id, title, place, teacher_person_id, teacher_name, topics,
                    target_group, course_code, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(unitId, title, place, teacherPersonId, teacherName, topics, group, courseCode, by,
                        Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public long insertSession(long classId, LocalDate date, LocalTime from, LocalTime to) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO class_session (class_id, session_date, starts_at, ends_at) VALUES (?, ?, ?, ?)")
                .params(classId, date, Time.valueOf(from), Time.valueOf(to))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<ClassRow> find(long id) {
        return jdbc.sql(CLASS_SELECT + " WHERE c.id = ?").param(id).query(ClassRepository::classRow).optional();
    }

    /** Locks the class: check-ins, held marks and the cancellation of one class happen one after another. */
    public Optional<ClassRow> lock(long id) {
        jdbc.sql("SELECT id FROM community_class WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
        return find(id);
    }

    /** Classes in any of the subtrees, newest first; {@code within} narrows to one subtree. */
    public List<ClassRow> list(List<String> scopes, String within, int limit) {
        StringBuilder sql = new StringBuilder(CLASS_SELECT).append(" WHERE (");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < scopes.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("u.path LIKE ?");
            params.add(scopes.get(i) + "%");
        }
        sql.append(")");
        if (within != null) {
            sql.append(" AND u.path LIKE ?");
            params.add(within + "%");
        }
        sql.append(" ORDER BY c.id DESC LIMIT ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(ClassRepository::classRow).list();
    }

    public List<SessionRow> sessions(long classId) {
        return jdbc.sql("""
                SELECT s.*, (SELECT COUNT(*) FROM class_attendance a WHERE a.session_id = s.id) AS attendance
                FROM class_session s WHERE s.class_id = ? ORDER BY s.session_date, s.starts_at, s.id""")
                .param(classId).query(ClassRepository::sessionRow).list();
    }

    public Optional<SessionRow> session(long sessionId) {
        return jdbc.sql("""
                SELECT s.*, (SELECT COUNT(*) FROM class_attendance a WHERE a.session_id = s.id) AS attendance
                FROM class_session s WHERE s.id = ?""")
                .param(sessionId).query(ClassRepository::sessionRow).optional();
    }

    public boolean markHeld(long sessionId, String by, Instant at) {
        return jdbc.sql("UPDATE class_session SET held_at = ?, held_by = ? WHERE id = ? AND held_at IS NULL")
                .params(Timestamp.from(at), by, sessionId).update() == 1;
    }

    /** True only for the first held session: that is when the class counts. */
    public boolean countOn(long classId, LocalDate day) {
        return jdbc.sql("UPDATE community_class SET counted_on = ? WHERE id = ? AND counted_on IS NULL AND cancelled_at IS NULL")
                .params(day, classId).update() == 1;
    }

    public void cancel(long classId, Instant at) {
        jdbc.sql("UPDATE community_class SET cancelled_at = ? WHERE id = ?").params(Timestamp.from(at), classId).update();
    }

    public Optional<AttendeeRow> attendance(long sessionId, long personId) {
        return jdbc.sql("""
                SELECT a.id, a.person_id, p.full_name, a.method, a.recorded_at FROM class_attendance a
                JOIN person p ON p.id = a.person_id WHERE a.session_id = ? AND a.person_id = ?""")
                .params(sessionId, personId).query(ClassRepository::attendeeRow).optional();
    }

    public long insertAttendance(long sessionId, long personId, String method, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO class_attendance (session_id, person_id, method, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(sessionId, personId, method, by, Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void deleteAttendance(long attendanceId) {
        jdbc.sql("DELETE FROM class_attendance WHERE id = ?").param(attendanceId).update();
    }

    public List<AttendeeRow> attendees(long sessionId) {
        return jdbc.sql("""
                SELECT a.id, a.person_id, p.full_name, a.method, a.recorded_at FROM class_attendance a
                JOIN person p ON p.id = a.person_id WHERE a.session_id = ? ORDER BY a.recorded_at, a.id""")
                .param(sessionId).query(ClassRepository::attendeeRow).list();
    }

    /** Everyone present at any session of the class, each once. */
    public List<Long> attendeeIds(long classId) {
        return jdbc.sql("""
                SELECT DISTINCT a.person_id FROM class_attendance a JOIN class_session s ON s.id = a.session_id
                WHERE s.class_id = ? ORDER BY a.person_id""")
                .param(classId).query(Long.class).list();
    }

    /** Attendance per day of one class, as a cancellation takes it back. */
    public List<DayCount> attendanceByDay(long classId) {
        return jdbc.sql("""
                SELECT u.path, s.session_date, COUNT(*) FROM class_attendance a
                JOIN class_session s ON s.id = a.session_id
                JOIN community_class c ON c.id = s.class_id JOIN unit u ON u.id = c.unit_id
                WHERE c.id = ? GROUP BY u.path, s.session_date""")
                .param(classId).query((rs, i) -> new DayCount(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getInt(3)))
                .list();
    }

    /** Held classes still standing, as {@code (path, day, 1)}. */
    public void forEachHeld(java.util.function.Consumer<DayCount> sink) {
        jdbc.sql("""
                SELECT u.path, c.counted_on FROM community_class c JOIN unit u ON u.id = c.unit_id
                WHERE c.counted_on IS NOT NULL AND c.cancelled_at IS NULL""")
                .query((ResultSet rs) -> {
                    sink.accept(new DayCount(rs.getString(1), rs.getDate(2).toLocalDate(), 1));
                });
    }

    /** Attendance of the classes still standing, per unit and day. */
    public void forEachAttendanceDay(java.util.function.Consumer<DayCount> sink) {
        jdbc.sql("""
                SELECT u.path, s.session_date, COUNT(*) FROM class_attendance a
                JOIN class_session s ON s.id = a.session_id
                JOIN community_class c ON c.id = s.class_id JOIN unit u ON u.id = c.unit_id
                WHERE c.cancelled_at IS NULL GROUP BY u.path, s.session_date""")
                .query((ResultSet rs) -> {
                    sink.accept(new DayCount(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getInt(3)));
                });
    }

    private static ClassRow classRow(ResultSet rs, int i) throws SQLException {
        Timestamp cancelled = rs.getTimestamp("cancelled_at");
        java.sql.Date counted = rs.getDate("counted_on");
        long teacher = rs.getLong("teacher_person_id");
        return new ClassRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("unit_path"),
                rs.getString("title"), rs.getString("place"), rs.wasNull() ? null : teacher, rs.getString("teacher"),
                rs.getString("topics"), rs.getString("target_group"), rs.getString("course_code"),
                counted == null ? null : counted.toLocalDate(), cancelled == null ? null : cancelled.toInstant());
    }

    private static SessionRow sessionRow(ResultSet rs, int i) throws SQLException {
        Timestamp held = rs.getTimestamp("held_at");
        return new SessionRow(rs.getLong("id"), rs.getLong("class_id"), rs.getDate("session_date").toLocalDate(),
                rs.getTime("starts_at").toLocalTime(), rs.getTime("ends_at").toLocalTime(),
                held == null ? null : held.toInstant(), rs.getInt("attendance"));
    }

    private static AttendeeRow attendeeRow(ResultSet rs, int i) throws SQLException {
        return new AttendeeRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }
}

package vn.binhdan.community.internal.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class EventRepository {

    public record EventRow(long id, String kind, String title, LocalDate heldOn, long unitId, String unitName,
                           String unitPath, Instant cancelledAt) {
    }

    public record ParticipationRow(long unitId, String unitName, String unitPath, int participants, int revision,
                                   LocalDate day) {
    }

    private static final String SELECT = """
            SELECT e.*, u.name AS unit_name, u.path AS unit_path FROM community_event e JOIN unit u ON u.id = e.unit_id""";

    private final JdbcClient jdbc;

    public EventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String kind, String title, LocalDate on, long unitId, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO community_event (kind, title, held_on, unit_id, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(kind, title, on, unitId, by, Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<EventRow> find(long id) {
        return jdbc.sql(SELECT + " WHERE e.id = ?").param(id).query(EventRepository::row).optional();
    }

    public Optional<EventRow> lock(long id) {
        jdbc.sql("SELECT id FROM community_event WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
        return find(id);
    }

    /** Events organised in one of the subtrees or above one of them (a commune joins the province's). */
    public List<EventRow> visible(List<String> scopes, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE ");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < scopes.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("u.path LIKE ? OR ? LIKE u.path || '%'");
            params.add(scopes.get(i) + "%");
            params.add(scopes.get(i));
        }
        sql.append(" ORDER BY e.held_on DESC, e.id DESC LIMIT ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(EventRepository::row).list();
    }

    public List<ParticipationRow> participation(long eventId) {
        return jdbc.sql("""
                SELECT p.unit_id, u.name, u.path, p.participants, p.revision, e.held_on
                FROM event_participation p JOIN unit u ON u.id = p.unit_id
                JOIN community_event e ON e.id = p.event_id
                WHERE p.event_id = ? ORDER BY u.name""")
                .param(eventId).query(EventRepository::participationRow).list();
    }

    public void insertParticipation(long eventId, long unitId, int participants, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO event_participation (event_id, unit_id, participants, revision, updated_by, updated_at)
                VALUES (?, ?, ?, 1, ?, ?)""")
                .params(eventId, unitId, participants, by, Timestamp.from(at)).update();
    }

    public void updateParticipation(long eventId, long unitId, int participants, int revision, String by, Instant at) {
        jdbc.sql("""
                UPDATE event_participation SET participants = ?, revision = ?, updated_by = ?, updated_at = ?
                WHERE event_id = ? AND unit_id = ?""")
                .params(participants, revision, by, Timestamp.from(at), eventId, unitId).update();
    }

    public void cancel(long id, Instant at) {
        jdbc.sql("UPDATE community_event SET cancelled_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
    }

    /** Participants of the events still standing, per unit and the event's day. */
    /** Every standing participation with its event's kind. */
    public void forEachStanding(java.util.function.BiConsumer<ParticipationRow, String> sink) {
        jdbc.sql("""
                SELECT p.unit_id, u.name, u.path, p.participants, p.revision, e.held_on, e.kind
                FROM event_participation p JOIN unit u ON u.id = p.unit_id
                JOIN community_event e ON e.id = p.event_id WHERE e.cancelled_at IS NULL""")
                .query((ResultSet rs) -> {
                    sink.accept(participationRow(rs, 0), rs.getString(7));
                });
    }

    private static EventRow row(ResultSet rs, int i) throws SQLException {
        Timestamp c = rs.getTimestamp("cancelled_at");
        return new EventRow(rs.getLong("id"), rs.getString("kind"), rs.getString("title"),
                rs.getDate("held_on").toLocalDate(), rs.getLong("unit_id"), rs.getString("unit_name"),
                rs.getString("unit_path"), c == null ? null : c.toInstant());
    }

    private static ParticipationRow participationRow(ResultSet rs, int i) throws SQLException {
        return new ParticipationRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                rs.getDate(6).toLocalDate());
    }
}

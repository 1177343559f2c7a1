package vn.binhdan.community.internal.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class OutreachRepository {

    public record ItemRow(long id, long unitId, String unitName, String unitPath, LocalDate publishedOn, String channel,
                          String title, String link, Integer copies, Instant withdrawnAt, String createdBy) {
    }

    private static final String SELECT = """
            SELECT o.*, u.name AS unit_name, u.path AS unit_path FROM outreach_item o JOIN unit u ON u.id = o.unit_id""";

    private final JdbcClient jdbc;

    public OutreachRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long unitId, LocalDate on, String channel, String title, String link, Integer copies, String by,
                       Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO outreach_item (unit_id, published_on, channel, title, link, copies, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(unitId, on, channel, title, link, copies, by, Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<ItemRow> find(long id) {
        return jdbc.sql(SELECT + " WHERE o.id = ?").param(id).query(OutreachRepository::row).optional();
    }

    public Optional<ItemRow> lock(long id) {
        jdbc.sql("SELECT id FROM outreach_item WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
        return find(id);
    }

    public void withdraw(long id, Instant at) {
        jdbc.sql("UPDATE outreach_item SET withdrawn_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
    }

    /** Items of a subtree between two days, withdrawn ones included (they show as such). */
    public List<ItemRow> between(String within, LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " " + """
                 WHERE u.path LIKE ? AND o.published_on BETWEEN ? AND ? ORDER BY o.published_on DESC, o.id DESC""")
                .params(within + "%", from, to).query(OutreachRepository::row).list();
    }

    /** Items still standing, as {@code (path, day, channel)}. */
    public void forEachStanding(Consumer<ItemRow> sink) {
        jdbc.sql("""
                SELECT u.path, o.published_on, o.channel FROM outreach_item o JOIN unit u ON u.id = o.unit_id
                WHERE o.withdrawn_at IS NULL""")
                .query((ResultSet rs) -> {
                    sink.accept(new ItemRow(0, 0, null, rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3),
                            null, null, null, null, null));
                });
    }

    private static ItemRow row(ResultSet rs, int i) throws SQLException {
        int copies = rs.getInt("copies");
        Integer c = rs.wasNull() ? null : copies;
        Timestamp w = rs.getTimestamp("withdrawn_at");
        return new ItemRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("unit_path"),
                rs.getDate("published_on").toLocalDate(), rs.getString("channel"), rs.getString("title"),
                rs.getString("link"), c, w == null ? null : w.toInstant(), rs.getString("created_by"));
    }
}

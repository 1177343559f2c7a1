package vn.binhdan.unit.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitHistoryEntry;
import vn.binhdan.unit.UnitType;

@Repository
public class UnitRepository {

    private final JdbcClient jdbc;

    public UnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Unit> find(long id) {
        return jdbc.sql("SELECT * FROM unit WHERE id = ?").param(id).query(UnitRepository::map).optional();
    }

    public Optional<Unit> findByCode(String code) {
        return jdbc.sql("SELECT * FROM unit WHERE code = ?").param(code).query(UnitRepository::map).optional();
    }

    public List<Unit> findByCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM unit WHERE code IN (:codes)").param("codes", codes).query(UnitRepository::map).list();
    }

    public List<Unit> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM unit WHERE id IN (:ids) ORDER BY depth").param("ids", ids).query(UnitRepository::map).list();
    }

    public List<Unit> children(long parentId, boolean includeEnded) {
        return jdbc.sql("SELECT * FROM unit WHERE parent_id = ?" + (includeEnded ? "" : " AND valid_to IS NULL")
                        + " ORDER BY type, name")
                .param(parentId).query(UnitRepository::map).list();
    }

    /** The whole subtree, in one indexed prefix query on the materialised path. */
    public List<Unit> subtree(String path) {
        return jdbc.sql("SELECT * FROM unit WHERE path LIKE ? AND valid_to IS NULL ORDER BY path")
                .param(path + "%").query(UnitRepository::map).list();
    }

    public List<Unit> roots() {
        return jdbc.sql("SELECT * FROM unit WHERE parent_id IS NULL AND valid_to IS NULL ORDER BY name")
                .query(UnitRepository::map).list();
    }

    public Unit insert(String code, String name, UnitType type, String typeLabel, Unit parent, LocalDate validFrom) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO unit (code, name, type, type_label, parent_id, path, depth, valid_from)
                VALUES (?, ?, ?, ?, ?, '/', ?, ?)""")
                .params(code, name, type.name(), typeLabel, parent == null ? null : parent.id(),
                        parent == null ? 0 : parent.depth() + 1, Date.valueOf(validFrom))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        jdbc.sql("UPDATE unit SET path = ? WHERE id = ?").params(path, id).update();
        return find(id).orElseThrow();
    }

    public void update(long id, String name, UnitType type, String typeLabel, LocalDate validFrom) {
        jdbc.sql("UPDATE unit SET name = ?, type = ?, type_label = ?, valid_from = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?")
                .params(name, type.name(), typeLabel, Date.valueOf(validFrom), id).update();
    }

    /** Moves a unit and its whole subtree under a new parent by rewriting the path prefix. */
    public void move(Unit unit, Unit newParent) {
        String newPath = newParent.path() + unit.id() + "/";
        int depthDelta = newParent.depth() + 1 - unit.depth();
        jdbc.sql("UPDATE unit SET path = CONCAT(?, SUBSTRING(path, ?)), depth = depth + ? WHERE path LIKE ?")
                .params(newPath, unit.path().length() + 1, depthDelta, unit.path() + "%").update();
        jdbc.sql("UPDATE unit SET parent_id = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?").params(newParent.id(), unit.id()).update();
    }

    public void end(long id, LocalDate validTo, Long successorId) {
        jdbc.sql("UPDATE unit SET valid_to = ?, successor_id = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?")
                .params(Date.valueOf(validTo), successorId, id).update();
    }

    public void addHistory(Unit before, LocalDate validTo, String change, String note, String changedBy) {
        jdbc.sql("""
                INSERT INTO unit_history (unit_id, code, name, type, parent_id, valid_from, valid_to, change_kind, note, changed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(before.id(), before.code(), before.name(), before.type().name(), before.parentId(),
                        Date.valueOf(before.validFrom()), Date.valueOf(validTo), change, note, changedBy)
                .update();
    }

    public List<UnitHistoryEntry> history(long id) {
        return jdbc.sql("SELECT * FROM unit_history WHERE unit_id = ? ORDER BY valid_from, id").param(id)
                .query((rs, i) -> new UnitHistoryEntry(rs.getString("code"), rs.getString("name"),
                        UnitType.valueOf(rs.getString("type")), (Long) rs.getObject("parent_id", Long.class),
                        rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_to").toLocalDate(),
                        rs.getString("change_kind"), rs.getString("note"), rs.getString("changed_by")))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM unit").query(Long.class).single();
    }

    static Unit map(ResultSet rs, int i) throws SQLException {
        Date to = rs.getDate("valid_to");
        return new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                UnitType.valueOf(rs.getString("type")), rs.getString("type_label"),
                rs.getObject("parent_id", Long.class), rs.getString("path"), rs.getInt("depth"),
                rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate(),
                rs.getObject("successor_id", Long.class));
    }
}

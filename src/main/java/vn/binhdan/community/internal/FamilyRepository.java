package vn.binhdan.community.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class FamilyRepository {

    public record FamilyRow(long householdId, String householdCode, long guideId, String guideName, String unitName,
                            LocalDate declaredOn, String declaredBy) {
    }

    private final JdbcClient jdbc;

    public FamilyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean declared(long householdId) {
        return jdbc.sql("SELECT COUNT(*) FROM digital_family WHERE household_id = ?").param(householdId)
                .query(Long.class).single() > 0;
    }

    public void insert(long householdId, long guideId, LocalDate on, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO digital_family (household_id, guide_person_id, declared_on, declared_by, declared_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(householdId, guideId, Date.valueOf(on), by, Timestamp.from(at)).update();
    }

    /** Families of households registered in the subtree. */
    public List<FamilyRow> within(String unitPath) {
        return jdbc.sql("""
                SELECT f.household_id, h.code, f.guide_person_id, p.full_name, u.name, f.declared_on, f.declared_by
                FROM digital_family f JOIN household h ON h.id = f.household_id JOIN unit u ON u.id = h.unit_id
                JOIN person p ON p.id = f.guide_person_id
                WHERE u.path LIKE ? ORDER BY f.declared_on DESC, h.code""")
                .param(unitPath + "%")
                .query((rs, i) -> new FamilyRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7)))
                .list();
    }

    public long households(String unitPath) {
        return jdbc.sql("SELECT COUNT(*) FROM household h JOIN unit u ON u.id = h.unit_id WHERE u.path LIKE ?")
                .param(unitPath + "%").query(Long.class).single();
    }
}

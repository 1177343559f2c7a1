package vn.binhdan.people.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.binhdan.people.Membership;
import vn.binhdan.people.Person;
import vn.binhdan.people.PersonSummary;
import vn.binhdan.people.SchoolLevel;
import vn.binhdan.people.Sex;
import vn.binhdan.people.TargetGroup;

@Repository
public class PersonRepository {

    private final JdbcClient jdbc;

    public PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Persons whose folded name contains the folded query, visible through residence or through
     * membership of an organisation inside one of the scope subtrees. Names that start with the
     * query come first, straight from the name index in name order; only if they do not fill the
     * page are names that merely contain it added (trigram index), so the common case of typing a
     * name from its start stays fast over millions of persons.
     */
    public List<PersonSummary> search(String folded, List<String> scopes, String withinPath, int limit) {
        if (folded.isEmpty()) {
            return query(null, null, scopes, withinPath, limit);
        }
        List<PersonSummary> hits = new ArrayList<>(query(folded + "%", null, scopes, withinPath, limit));
        if (hits.size() < limit) {
            hits.addAll(query("%" + folded + "%", folded + "%", scopes, withinPath, limit - hits.size()));
        }
        return hits;
    }

    private List<PersonSummary> query(String like, String notLike, List<String> scopes, String withinPath, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT p.id, p.full_name, p.birth_date, p.sex, p.id_last3, u.name AS unit_name
                FROM person p JOIN unit u ON u.id = p.residence_unit_id WHERE 1=1""");
        List<Object> params = new ArrayList<>();
        if (like != null) {
            sql.append(" AND p.name_folded LIKE ?");
            params.add(like);
        }
        if (notLike != null) {
            sql.append(" AND p.name_folded NOT LIKE ?");
            params.add(notLike);
        }
        if (withinPath != null) {
            sql.append(" AND (u.path LIKE ? OR EXISTS (SELECT 1 FROM person_group g JOIN unit o ON o.id = g.org_unit_id")
                    .append(" WHERE g.person_id = p.id AND o.path LIKE ?))");
            params.add(withinPath + "%");
            params.add(withinPath + "%");
        }
        if (!scopes.contains("/")) {
            sql.append(" AND (1=0");
            for (String s : scopes) {
                sql.append(" OR u.path LIKE ?");
                params.add(s + "%");
            }
            sql.append(" OR EXISTS (SELECT 1 FROM person_group g JOIN unit o ON o.id = g.org_unit_id WHERE g.person_id = p.id AND (1=0");
            for (String s : scopes) {
                sql.append(" OR o.path LIKE ?");
                params.add(s + "%");
            }
            sql.append(")))");
        }
        if (notLike == null) {
            sql.append(" ORDER BY p.name_folded, p.id LIMIT ").append(limit);
        } else {
            // a contains-match of a common syllable hits a large share of a province: sorting every
            // match before the limit cost 300 ms over a million persons, so sort only the page
            sql.append(" LIMIT ").append(limit);
            sql.insert(0, "SELECT * FROM (").append(") hits ORDER BY hits.full_name, hits.id");
        }
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new PersonSummary(rs.getLong("id"),
                rs.getString("full_name"), rs.getDate("birth_date").toLocalDate().getYear(),
                Sex.valueOf(rs.getString("sex")), rs.getString("unit_name"), rs.getString("id_last3"))).list();
    }

    public Optional<Person> find(long id, LocalDate adultBornOnOrBefore) {
        Optional<Person> person = jdbc.sql("""
                SELECT p.*, u.name AS unit_name, u.path AS unit_path, h.code AS household_code
                FROM person p JOIN unit u ON u.id = p.residence_unit_id
                LEFT JOIN household h ON h.id = p.household_id WHERE p.id = ?""")
                .param(id).query((rs, i) -> map(rs, memberships(id), adultBornOnOrBefore)).optional();
        return person;
    }

    public Optional<Long> idByHash(String idHash) {
        return jdbc.sql("SELECT id FROM person WHERE id_hash = ?").param(idHash).query(Long.class).optional();
    }

    /** Paths of the organisations through which the person belongs to a target group. */
    public List<String> membershipPaths(long personId) {
        return jdbc.sql("SELECT o.path FROM person_group g JOIN unit o ON o.id = g.org_unit_id WHERE g.person_id = ?")
                .param(personId).query(String.class).list();
    }

    public List<Membership> memberships(long personId) {
        return jdbc.sql("""
                SELECT g.group_code, g.org_unit_id, o.name, g.school_level FROM person_group g
                LEFT JOIN unit o ON o.id = g.org_unit_id WHERE g.person_id = ? ORDER BY g.group_code""")
                .param(personId).query((rs, i) -> new Membership(TargetGroup.valueOf(rs.getString(1)),
                        rs.getObject(2, Long.class), rs.getString(3),
                        rs.getString(4) == null ? null : SchoolLevel.valueOf(rs.getString(4)))).list();
    }

    public long insert(String fullName, String folded, LocalDate birth, Sex sex, String ethnicity, String disability,
                       String phone, String idHash, String idLast3, long unitId, Long householdId, String dataHash) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO person (full_name, name_folded, birth_date, sex, ethnicity, disability, phone, id_hash,
                  id_last3, residence_unit_id, household_id, data_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(fullName, folded, Date.valueOf(birth), sex.name(), ethnicity, disability, phone, idHash,
                        idLast3, unitId, householdId, dataHash)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, String fullName, String folded, LocalDate birth, Sex sex, String ethnicity,
                       String disability, String phone, String idHash, String idLast3, long unitId, Long householdId,
                       String dataHash) {
        jdbc.sql("""
                UPDATE person SET full_name = ?, name_folded = ?, birth_date = ?, sex = ?, ethnicity = ?, disability = ?,
                  phone = ?, id_hash = ?, id_last3 = ?, residence_unit_id = ?, household_id = ?, data_hash = ?,
                  updated_at = CURRENT_TIMESTAMP WHERE id = ?""")
                .params(fullName, folded, Date.valueOf(birth), sex.name(), ethnicity, disability, phone, idHash,
                        idLast3, unitId, householdId, dataHash, id)
                .update();
    }

    public Optional<Long> householdId(String code) {
        return jdbc.sql("SELECT id FROM household WHERE code = ?").param(code).query(Long.class).optional();
    }

    public long createHousehold(String code, long unitId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO household (code, unit_id) VALUES (?, ?)").params(code, unitId).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Residents per unit of a subtree, adults among them; rolled up to children by the caller. */
    public Map<Long, long[]> residentsByUnit(String path, LocalDate adultBornOnOrBefore) {
        Map<Long, long[]> out = new HashMap<>();
        jdbc.sql("""
                SELECT p.residence_unit_id, COUNT(*), SUM(CASE WHEN p.birth_date <= ? THEN 1 ELSE 0 END)
                FROM person p JOIN unit u ON u.id = p.residence_unit_id WHERE u.path LIKE ?
                GROUP BY p.residence_unit_id""")
                .params(Date.valueOf(adultBornOnOrBefore), path + "%")
                .query(rs -> {
                    out.put(rs.getLong(1), new long[]{rs.getLong(2), rs.getLong(3)});
                });
        return out;
    }

    /** Members of each organisation-based group per organisation of a subtree. */
    public Map<Long, Map<TargetGroup, Long>> membersByOrg(String path) {
        Map<Long, Map<TargetGroup, Long>> out = new HashMap<>();
        jdbc.sql("""
                SELECT g.org_unit_id, g.group_code, COUNT(*) FROM person_group g JOIN unit o ON o.id = g.org_unit_id
                WHERE o.path LIKE ? GROUP BY g.org_unit_id, g.group_code""")
                .param(path + "%")
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(TargetGroup.class))
                            .put(TargetGroup.valueOf(rs.getString(2)), rs.getLong(3));
                });
        return out;
    }

    public void moveResidents(List<Long> fromUnitIds, long toUnitId) {
        jdbc.sql("UPDATE person SET residence_unit_id = :to, updated_at = CURRENT_TIMESTAMP WHERE residence_unit_id IN (:from)")
                .param("to", toUnitId).param("from", fromUnitIds).update();
        jdbc.sql("UPDATE household SET unit_id = :to WHERE unit_id IN (:from)")
                .param("to", toUnitId).param("from", fromUnitIds).update();
    }

    public List<Object[]> declaredDenominators(long unitId, int year) {
        return jdbc.sql("SELECT group_code, declared_value, source, declared_by, declared_at FROM population_denominator WHERE unit_id = ? AND period_year = ?")
                .params(unitId, year)
                .query((rs, i) -> new Object[]{rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()}).list();
    }

    public void declareDenominator(long unitId, TargetGroup group, int year, long value, String source, String by) {
        int n = jdbc.sql("""
                UPDATE population_denominator SET declared_value = ?, source = ?, declared_by = ?, declared_at = CURRENT_TIMESTAMP
                WHERE unit_id = ? AND group_code = ? AND period_year = ?""")
                .params(value, source, by, unitId, group.name(), year).update();
        if (n == 0) {
            jdbc.sql("""
                    INSERT INTO population_denominator (unit_id, group_code, period_year, declared_value, source, declared_by, declared_at)
                    VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)""")
                    .params(unitId, group.name(), year, value, source, by).update();
        }
    }

    public void clearDenominator(long unitId, TargetGroup group, int year) {
        jdbc.sql("DELETE FROM population_denominator WHERE unit_id = ? AND group_code = ? AND period_year = ?")
                .params(unitId, group.name(), year).update();
    }

    public String idHashOf(long id) {
        return jdbc.sql("SELECT id_hash FROM person WHERE id = ?").param(id).query(String.class).optional().orElse(null);
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single();
    }

    private static Person map(ResultSet rs, List<Membership> memberships, LocalDate adultCut) throws SQLException {
        LocalDate birth = rs.getDate("birth_date").toLocalDate();
        return new Person(rs.getLong("id"), rs.getString("full_name"), birth, Sex.valueOf(rs.getString("sex")),
                rs.getString("ethnicity"), rs.getString("disability"), rs.getString("phone"),
                rs.getString("id_last3"), rs.getLong("residence_unit_id"), rs.getString("unit_name"),
                rs.getString("unit_path"), rs.getString("household_code"), memberships, !birth.isAfter(adultCut));
    }
}

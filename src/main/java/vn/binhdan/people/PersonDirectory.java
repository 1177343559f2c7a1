package vn.binhdan.people;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lookups for other modules (identity linking a login to a person); callers apply their own rules. */
@Service
@Transactional(readOnly = true)
public class PersonDirectory {

    public record PersonRef(long id, String fullName, long residenceUnitId, String residenceUnitPath) {
    }

    private final JdbcClient jdbc;
    private final PeopleProperties props;
    private final Clock clock;

    public PersonDirectory(JdbcClient jdbc, PeopleProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.props = props;
        this.clock = clock;
    }

    /** The target groups a person belongs to today: memberships, and adult citizen by age. */
    public Set<TargetGroup> groupsOf(long personId) {
        EnumSet<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        jdbc.sql("SELECT group_code FROM person_group WHERE person_id = ?").param(personId)
                .query(String.class).list().forEach(g -> groups.add(TargetGroup.valueOf(g)));
        jdbc.sql("SELECT birth_date FROM person WHERE id = ?").param(personId).query(LocalDate.class).optional()
                .filter(birth -> !birth.isAfter(adultCut()))
                .ifPresent(b -> groups.add(TargetGroup.ADULT));
        return groups;
    }

    /**
     * Persons of a target group within a unit's subtree, counted the way the registry counts
     * them: adults by residence, the other groups by the organisation they belong to.
     */
    public List<Long> idsInGroup(String unitPath, TargetGroup group) {
        if (group == TargetGroup.ADULT) {
            return jdbc.sql("""
                    SELECT p.id FROM person p JOIN unit u ON u.id = p.residence_unit_id
                    WHERE u.path LIKE ? AND p.birth_date <= ? ORDER BY p.id""")
                    .params(unitPath + "%", Date.valueOf(adultCut())).query(Long.class).list();
        }
        return jdbc.sql("""
                SELECT g.person_id FROM person_group g JOIN unit o ON o.id = g.org_unit_id
                WHERE o.path LIKE ? AND g.group_code = ? ORDER BY g.person_id""")
                .params(unitPath + "%", group.name()).query(Long.class).list();
    }

    /**
     * Where a person counts for a group, the way {@link #idsInGroup} counts the population:
     * adults at their residence, the other groups at the organisation they belong to (the
     * earliest membership when there are several), falling back to the residence.
     */
    public String countingPath(long personId, TargetGroup group) {
        if (group != TargetGroup.ADULT) {
            Optional<String> org = jdbc.sql("""
                    SELECT o.path FROM person_group g JOIN unit o ON o.id = g.org_unit_id
                    WHERE g.person_id = ? AND g.group_code = ? ORDER BY g.org_unit_id""")
                    .params(personId, group.name()).query(String.class).stream().findFirst();
            if (org.isPresent()) {
                return org.get();
            }
        }
        return jdbc.sql("SELECT u.path FROM person p JOIN unit u ON u.id = p.residence_unit_id WHERE p.id = ?")
                .param(personId).query(String.class).single();
    }

    /** A registry count: persons of a group attached directly to the unit at {@code unitPath}. */
    public record PopulationCount(String unitPath, TargetGroup group, long count) {
    }

    /**
     * Every unit's own population per group, counted as {@link #idsInGroup} counts it, for the
     * monitoring to roll up the tree in one pass instead of one query per unit.
     */
    public void forEachPopulationCount(java.util.function.Consumer<PopulationCount> sink) {
        jdbc.sql("""
                SELECT u.path, COUNT(*) FROM person p JOIN unit u ON u.id = p.residence_unit_id
                WHERE p.birth_date <= ? GROUP BY u.path""")
                .param(Date.valueOf(adultCut()))
                .query(rs -> {
                    sink.accept(new PopulationCount(rs.getString(1), TargetGroup.ADULT, rs.getLong(2)));
                });
        jdbc.sql("""
                SELECT o.path, g.group_code, COUNT(*) FROM person_group g JOIN unit o ON o.id = g.org_unit_id
                GROUP BY o.path, g.group_code""")
                .query(rs -> {
                    sink.accept(new PopulationCount(rs.getString(1), TargetGroup.valueOf(rs.getString(2)), rs.getLong(3)));
                });
    }

    /**
     * Residents (all ages) per residence unit path: the inhabitants that participation is
     * measured against (participants per 1,000 inhabitants) by the contest leaderboards.
     */
    public java.util.Map<String, Long> residentsByPath() {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        jdbc.sql("SELECT u.path, COUNT(*) FROM person p JOIN unit u ON u.id = p.residence_unit_id GROUP BY u.path")
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    /** Official figures declared in place of registry counts, per unit and group, for a year. */
    public java.util.Map<Long, java.util.Map<TargetGroup, Long>> declaredDenominators(java.util.Collection<Long> unitIds,
                                                                                     int year) {
        java.util.Map<Long, java.util.Map<TargetGroup, Long>> out = new java.util.HashMap<>();
        if (unitIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT unit_id, group_code, declared_value FROM population_denominator
                WHERE period_year = :year AND unit_id IN (:ids)""")
                .param("year", year).param("ids", unitIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new java.util.EnumMap<>(TargetGroup.class))
                            .put(TargetGroup.valueOf(rs.getString(2)), rs.getLong(3));
                });
        return out;
    }

    private LocalDate adultCut() {
        return LocalDate.now(clock).minusYears(props.adultAge());
    }

    /** A resident as a member of their registered household. */
    public record HouseholdMember(long householdId, String householdCode, long personId, String fullName,
                                  String residencePath) {
    }

    private static final String MEMBERS = """
            SELECT h.id, h.code, p.id, p.full_name, u.path FROM person p
            JOIN household h ON h.id = p.household_id JOIN unit u ON u.id = p.residence_unit_id
            WHERE """;

    /** Household members living in a unit's subtree, household by household. */
    public List<HouseholdMember> householdMembersWithin(String unitPath) {
        return members("u.path LIKE ? ORDER BY h.code, p.id", unitPath + "%");
    }

    /** The household a person is registered in, as that person's membership. */
    public Optional<HouseholdMember> householdMemberOf(long personId) {
        return members("p.id = ?", personId).stream().findFirst();
    }

    private List<HouseholdMember> members(String condition, Object value) {
        return jdbc.sql(MEMBERS + " " + condition).param(value)
                .query((rs, i) -> new HouseholdMember(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    private static final String SELECT = """
            SELECT p.id, p.full_name, p.residence_unit_id, u.path FROM person p JOIN unit u ON u.id = p.residence_unit_id
            WHERE """;

    public Optional<PersonRef> findByIdHash(String idHash) {
        return one("p.id_hash = ?", idHash);
    }

    public Optional<PersonRef> find(long id) {
        return one("p.id = ?", id);
    }

    private Optional<PersonRef> one(String condition, Object value) {
        return jdbc.sql(SELECT + " " + condition).param(value)
                .query((rs, i) -> new PersonRef(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .optional();
    }

    /** A registry person found by folded name, with what tells namesakes apart. */
    public record NameMatch(long id, String fullName, String nameFolded, int birthYear, String residenceUnitPath) {
    }

    /**
     * Persons whose folded name is exactly one of {@code foldedNames}, living under one of the
     * paths: one query however many names, for matching entries written offline by name.
     */
    public java.util.List<NameMatch> matchByName(java.util.Collection<String> foldedNames, java.util.Collection<String> paths) {
        if (foldedNames.isEmpty() || paths.isEmpty()) {
            return java.util.List.of();
        }
        StringBuilder sql = new StringBuilder("""
                SELECT p.id, p.full_name, p.name_folded, p.birth_date, u.path FROM person p
                JOIN unit u ON u.id = p.residence_unit_id WHERE p.name_folded IN (:names) AND (""");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("names", foldedNames);
        int i = 0;
        for (String path : paths) {
            sql.append(i == 0 ? "" : " OR ").append("u.path LIKE :p").append(i);
            params.put("p" + i, path + "%");
            i++;
        }
        sql.append(")");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new NameMatch(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate().getYear(), rs.getString(5)))
                .list();
    }
}

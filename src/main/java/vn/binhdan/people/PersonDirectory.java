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

    private LocalDate adultCut() {
        return LocalDate.now(clock).minusYears(props.adultAge());
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
}

package vn.binhdan.people;

import java.util.Optional;
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

    public PersonDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

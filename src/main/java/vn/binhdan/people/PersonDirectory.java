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

    public Optional<PersonRef> findByIdHash(String idHash) {
        return jdbc.sql("""
                SELECT p.id, p.full_name, p.residence_unit_id, u.path FROM person p JOIN unit u ON u.id = p.residence_unit_id
                WHERE p.id_hash = ?""").param(idHash)
                .query((rs, i) -> new PersonRef(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .optional();
    }

    public Optional<PersonRef> find(long id) {
        return jdbc.sql("""
                SELECT p.id, p.full_name, p.residence_unit_id, u.path FROM person p JOIN unit u ON u.id = p.residence_unit_id
                WHERE p.id = ?""").param(id)
                .query((rs, i) -> new PersonRef(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .optional();
    }
}

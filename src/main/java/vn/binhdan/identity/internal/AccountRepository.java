package vn.binhdan.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.Grant;
import vn.binhdan.shared.Role;

@Repository
public class AccountRepository {

    public record AccountRow(long id, String username, String displayName, String passwordHash, Long personId,
                             boolean enabled, int failedLogins, Instant lockedUntil) {
    }

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AccountRow> byUsername(String username) {
        return jdbc.sql("SELECT * FROM account WHERE username = ?").param(username).query(AccountRepository::map).optional();
    }

    public Optional<AccountRow> byId(long id) {
        return jdbc.sql("SELECT * FROM account WHERE id = ?").param(id).query(AccountRepository::map).optional();
    }

    public Optional<AccountRow> byOidcSubject(String subject) {
        return jdbc.sql("SELECT * FROM account WHERE oidc_subject = ?").param(subject).query(AccountRepository::map).optional();
    }

    public Optional<AccountRow> byPerson(long personId) {
        return jdbc.sql("SELECT * FROM account WHERE person_id = ? ORDER BY id").param(personId)
                .query(AccountRepository::map).list().stream().findFirst();
    }

    public long insert(String username, String displayName, String passwordHash, Long personId, String oidcSubject) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO account (username, display_name, password_hash, person_id, oidc_subject) VALUES (?, ?, ?, ?, ?)")
                .params(username, displayName, passwordHash, personId, oidcSubject).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE account SET enabled = ? WHERE id = ?").params(enabled, id).update();
    }

    public void linkOidc(long id, String subject) {
        jdbc.sql("UPDATE account SET oidc_subject = ? WHERE id = ?").params(subject, id).update();
    }

    public void grant(long accountId, Role role, long unitId) {
        jdbc.sql("INSERT INTO role_grant (account_id, role, unit_id) VALUES (?, ?, ?)").params(accountId, role.name(), unitId).update();
    }

    /**
     * An enabled account with its grants in one statement: what every API token's first request
     * (and each after the check expires) needs, 20,000 of them in a contest's first minute.
     */
    public Optional<AppUser> loadEnabled(long id) {
        record Row(long id, String username, String displayName, Long personId, Grant grant) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT a.id, a.username, a.display_name, a.person_id, g.role, g.unit_id, u.path
                FROM account a LEFT JOIN role_grant g ON g.account_id = a.id LEFT JOIN unit u ON u.id = g.unit_id
                WHERE a.id = ? AND a.enabled = TRUE ORDER BY g.id""")
                .param(id).query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Long.class), rs.getString(5) == null ? null
                        : new Grant(Role.valueOf(rs.getString(5)), rs.getLong(6), rs.getString(7))))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row first = rows.getFirst();
        return Optional.of(new AppUser(first.id(), first.username(), first.displayName(), first.personId(),
                rows.stream().map(Row::grant).filter(java.util.Objects::nonNull).toList()));
    }

    public AppUser load(AccountRow a) {
        List<Grant> grants = jdbc.sql("""
                SELECT g.role, g.unit_id, u.path FROM role_grant g JOIN unit u ON u.id = g.unit_id
                WHERE g.account_id = ? ORDER BY g.id""")
                .param(a.id()).query((rs, i) -> new Grant(Role.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3)))
                .list();
        return new AppUser(a.id(), a.username(), a.displayName(), a.personId(), grants);
    }

    private static AccountRow map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new AccountRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getObject("person_id", Long.class), rs.getBoolean("enabled"),
                rs.getInt("failed_logins"), locked == null ? null : locked.toInstant());
    }
}

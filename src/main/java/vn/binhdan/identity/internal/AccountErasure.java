package vn.binhdan.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhdan.identity.AccountService;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.shared.privacy.PersonalDataEraser;

/**
 * Closes a deleted person's account: it stops at once on every instance (as an administrator's
 * stop does), and its name, password and VNeID link are removed, so nobody signs in as it again
 * and the freed username tells nothing.
 */
@Component
class AccountErasure implements PersonalDataEraser {

    private final AccountRepository accounts;
    private final AccountService service;
    private final JdbcClient jdbc;

    AccountErasure(AccountRepository accounts, AccountService service, JdbcClient jdbc) {
        this.accounts = accounts;
        this.service = service;
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "ACCOUNT";
    }

    @Override
    public int erase(long personId) {
        return accounts.byPerson(personId).map(a -> {
            // the person may not stop an account themselves; the platform does it on their request
            SystemUser.run(SystemUser.SYSTEM, () -> service.setEnabled(a.id(), false));
            return jdbc.sql("""
                    UPDATE account SET username = ?, display_name = ?, password_hash = NULL, oidc_subject = NULL,
                                       person_id = NULL
                    WHERE id = ?""")
                    .params("deleted-" + a.id(), "(đã xóa)", a.id()).update();
        }).orElse(0);
    }
}

package vn.binhdan.support;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.binhdan.identity.AccountService;
import vn.binhdan.importing.ImportService;
import vn.binhdan.unit.Units;

/**
 * Base of the end-to-end scenarios: the real application on a random port over a real
 * database, with {@link World} loaded once per database. Each scenario class has one concrete
 * subclass per database (H2 and PostgreSQL).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EndToEnd {

    @LocalServerPort
    protected int port;
    @Autowired
    protected ImportService imports;
    @Autowired
    protected AccountService accounts;
    @Autowired
    protected Units units;
    @Autowired
    protected JdbcClient jdbc;

    protected Http http;

    @BeforeAll
    void loadWorld() {
        World.load(imports, accounts, units, jdbc);
        http = new Http(port);
    }

    protected long unit(String code) {
        return World.unit(units, code);
    }

    protected long person(String fullName) {
        return World.personId(jdbc, fullName);
    }

    protected String token(String username) {
        return http.login(username, World.PASSWORD);
    }
}

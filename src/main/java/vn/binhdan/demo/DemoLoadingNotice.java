package vn.binhdan.demo;

import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.binhdan.shared.web.LoginNotice;

/**
 * The web server answers before the demo data is in (it loads after the start, for about a
 * minute); meanwhile the demo accounts do not exist and a login with them fails like a wrong
 * password. The login page says so instead of leaving the visitor to doubt the password.
 */
@Component
@ConditionalOnProperty("binhdan.demo.enabled")
class DemoLoadingNotice implements LoginNotice {

    /** True from the start: shipped content installs before the loader even looks at the database. */
    private volatile boolean loading = true;

    void loading(boolean now) {
        loading = now;
    }

    @Override
    public Optional<String> messageKey() {
        return loading ? Optional.of("operate.demoLoading") : Optional.empty();
    }
}

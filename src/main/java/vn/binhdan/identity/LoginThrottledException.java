package vn.binhdan.identity;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** Too many failed logins lately from this address or for this name: try again after {@link #retryAfter()}. */
public class LoginThrottledException extends LockedException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("login.throttled");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up: what a {@code Retry-After} header and a person can use. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}

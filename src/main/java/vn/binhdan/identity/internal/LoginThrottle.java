package vn.binhdan.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.identity.SecurityProperties;

/**
 * Counts failed logins in the database, so that every instance sees the same counts and
 * parallel attempts cannot slip past the limit.
 *
 * <p>Three counters per attempt: the pair (name, address) stops one guesser quickly without
 * touching the official who types from elsewhere; the name alone stops guessing spread over many
 * addresses, with a higher limit so that one stranger cannot shut an official out; the address
 * alone stops one machine trying many names. Past its limit a counter blocks for a delay that
 * doubles with each further failure, up to a ceiling. An attempt is counted <em>before</em> the
 * password is checked, under a row lock, and given back if it succeeds: this is what makes the
 * count exact under concurrency.
 */
@Component
public class LoginThrottle {

    private final JdbcClient jdbc;
    private final SecurityProperties props;
    /** Each step commits at once: the rows must not stay locked while a password hash is computed. */
    private final TransactionTemplate tx;

    public LoginThrottle(JdbcClient jdbc, SecurityProperties props, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.props = props;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public record Keys(String pair, String name, String address) {
        public static Keys of(String username, String clientAddress) {
            String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
            if (name.length() > 120) {
                name = name.substring(0, 120);
            }
            String addr = clientAddress == null ? "?" : clientAddress.length() > 64 ? clientAddress.substring(0, 64)
                    : clientAddress;
            return new Keys("pair:" + name + "|" + addr, "name:" + name, "addr:" + addr);
        }

        List<String> all() {
            return List.of(pair, name, address);
        }
    }

    private int limit(String key) {
        if (key.startsWith("pair:")) {
            return props.maxFailedLogins();
        }
        return key.startsWith("name:") ? props.maxFailedLogins() * 4 : props.maxFailedLogins() * 10;
    }

    /** Takes one attempt for these keys, or says how long until one may be made. */
    public Optional<Duration> acquire(Keys keys, Instant now) {
        return tx.execute(status -> acquireLocked(keys, now));
    }

    private Optional<Duration> acquireLocked(Keys keys, Instant now) {
        // one lock order for every caller, so two attempts never wait on each other in a circle
        TreeMap<String, Row> rows = new TreeMap<>();
        for (String key : new java.util.TreeSet<>(keys.all())) {
            jdbc.sql("INSERT INTO login_throttle (throttle_key, failures) VALUES (?, 0) ON CONFLICT DO NOTHING")
                    .param(key).update();
            rows.put(key, jdbc.sql("""
                    SELECT failures, blocked_until, last_failure_at FROM login_throttle
                    WHERE throttle_key = ? FOR UPDATE""").param(key)
                    .query((rs, i) -> new Row(rs.getInt(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))))
                    .single());
        }
        Instant until = null;
        for (Row r : rows.values()) {
            if (r.blockedUntil() != null && r.blockedUntil().isAfter(now)
                    && (until == null || r.blockedUntil().isAfter(until))) {
                until = r.blockedUntil();
            }
        }
        if (until != null) {
            return Optional.of(Duration.between(now, until));
        }
        for (var e : rows.entrySet()) {
            Row r = e.getValue();
            // a quiet spell forgives earlier mistakes
            boolean stale = r.lastFailureAt() == null || r.lastFailureAt().isBefore(now.minus(props.lockDuration()));
            int failures = (stale ? 0 : r.failures()) + 1;
            int over = failures - limit(e.getKey());
            Instant blocked = over >= 0 ? now.plus(delay(over)) : null;
            jdbc.sql("UPDATE login_throttle SET failures = ?, blocked_until = ?, last_failure_at = ? WHERE throttle_key = ?")
                    .params(failures, blocked == null ? null : Timestamp.from(blocked), Timestamp.from(now), e.getKey())
                    .update();
        }
        return Optional.empty();
    }

    /** 30 s at the limit, doubling with each further failure, never more than the configured ceiling. */
    Duration delay(int over) {
        Duration d = Duration.ofSeconds(30).multipliedBy(1L << Math.min(over, 20));
        return d.compareTo(props.lockDuration()) > 0 ? props.lockDuration() : d;
    }

    /** The attempt was right: the name's counts start again, the address gets its attempt back. */
    public void succeeded(Keys keys) {
        tx.executeWithoutResult(status -> givenBack(keys));
    }

    private void givenBack(Keys keys) {
        jdbc.sql("UPDATE login_throttle SET failures = 0, blocked_until = NULL WHERE throttle_key IN (?, ?)")
                .params(keys.pair(), keys.name()).update();
        jdbc.sql("UPDATE login_throttle SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END"
                + " WHERE throttle_key = ?").param(keys.address()).update();
    }

    /** Forgets counters nobody has tripped lately: names tried at random must not pile up. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    public void forget() {
        Timestamp cutoff = Timestamp.from(Instant.now().minus(props.lockDuration()));
        jdbc.sql("DELETE FROM login_throttle WHERE (blocked_until IS NULL OR blocked_until < ?)"
                + " AND (last_failure_at IS NULL OR last_failure_at < ?)").params(cutoff, cutoff).update();
    }

    private record Row(int failures, Instant blockedUntil, Instant lastFailureAt) {
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

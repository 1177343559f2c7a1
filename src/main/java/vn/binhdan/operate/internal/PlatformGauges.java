package vn.binhdan.operate.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform's own figures worth an alert, read from the database at each scrape (a handful of
 * indexed counts), so every instance reports the same platform-wide values:
 * the confirmation outbox (backlog, oldest waiting, given up), import jobs running (and those
 * whose heartbeat stopped) and failed in the last day, exam attempts in progress, and the nightly
 * recount's last differences and age (the rollups are written in the same transaction as their
 * sources, so a non-zero difference is the lag worth an alert). The connection pool's own gauges
 * ({@code hikaricp_connections_*}) come with Spring Boot.
 */
@Component
class PlatformGauges implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(PlatformGauges.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    PlatformGauges(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "binhdan.outbox.backlog", "confirmations waiting to be sent",
                () -> count("SELECT COUNT(*) FROM confirmation_outbox WHERE status IN ('PENDING', 'SENDING')"));
        gauge(registry, "binhdan.outbox.oldest.age.seconds", "age of the oldest confirmation waiting to be sent",
                () -> age("SELECT MIN(created_at) FROM confirmation_outbox WHERE status IN ('PENDING', 'SENDING')"));
        gauge(registry, "binhdan.outbox.failed", "confirmations given up after their retries",
                () -> count("SELECT COUNT(*) FROM confirmation_outbox WHERE status = 'FAILED'"));
        gauge(registry, "binhdan.imports.running", "import jobs running",
                () -> count("SELECT COUNT(*) FROM import_job WHERE status = 'RUNNING'"));
        gauge(registry, "binhdan.imports.failed.last.day", "import jobs failed in the last 24 hours",
                () -> count("SELECT COUNT(*) FROM import_job WHERE status = 'FAILED' AND created_at > ?",
                        Timestamp.from(clock.instant().minus(Duration.ofDays(1)))));
        gauge(registry, "binhdan.imports.oldest.running.age.seconds", "age of the oldest running import job",
                () -> age("SELECT MIN(created_at) FROM import_job WHERE status = 'RUNNING'"));
        gauge(registry, "binhdan.exam.attempts.active", "exam attempts in progress",
                () -> count("SELECT COUNT(*) FROM exam_attempt WHERE status = 'ACTIVE'"));
        gauge(registry, "binhdan.rollup.check.differences", "differences found by the last recount of the live figures",
                () -> count("SELECT differences FROM mon_check ORDER BY id DESC FETCH FIRST 1 ROWS ONLY"));
        gauge(registry, "binhdan.rollup.check.age.seconds", "time since the last recount of the live figures",
                () -> age("SELECT MAX(finished_at) FROM mon_check"));
    }

    private static void gauge(MeterRegistry registry, String name, String description, Supplier<Double> value) {
        Gauge.builder(name, value, Supplier::get).description(description).register(registry);
    }

    private double count(String sql, Object... params) {
        try {
            Number n = jdbc.sql(sql).params(params).query((rs, i) -> rs.getLong(1)).optional().orElse(0L);
            return n.doubleValue();
        } catch (RuntimeException e) {
            log.debug("Gauge query failed: {}", sql, e);
            return Double.NaN;
        }
    }

    /** Seconds since the timestamp the query returns; 0 when it returns none (nothing waiting). */
    private double age(String sql) {
        try {
            Timestamp t = jdbc.sql(sql).query((rs, i) -> rs.getTimestamp(1)).optional().orElse(null);
            return t == null ? 0 : Math.max(0, Duration.between(t.toInstant(), clock.instant()).toSeconds());
        } catch (RuntimeException e) {
            log.debug("Gauge query failed: {}", sql, e);
            return Double.NaN;
        }
    }
}

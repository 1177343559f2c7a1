package vn.binhdan.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhdan.shared.privacy.RetentionTarget;

/** The trail itself is personal data (who read whose record); it goes once its rule has passed. */
@Component
class AuditRetention implements RetentionTarget {

    private final JdbcClient jdbc;

    AuditRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "AUDIT_ENTRY";
    }

    @Override
    public int expire(Instant cutoff) {
        return jdbc.sql("DELETE FROM audit_event WHERE occurred_at < ?").param(Timestamp.from(cutoff)).update();
    }
}

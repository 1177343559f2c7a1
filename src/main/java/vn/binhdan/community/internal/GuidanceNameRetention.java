package vn.binhdan.community.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhdan.shared.privacy.RetentionTarget;

/**
 * People helped who are not in the registry are written down by name and birth year only to be
 * matched later; once the rule's time has passed the name goes, the count of people helped stays.
 */
@Component
class GuidanceNameRetention implements RetentionTarget {

    static final String ANONYMOUS = "(đã ẩn danh)";

    private final JdbcClient jdbc;

    GuidanceNameRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "GUIDANCE_NAME";
    }

    @Override
    public int expire(Instant cutoff) {
        java.sql.Date before = java.sql.Date.valueOf(cutoff.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate());
        return jdbc.sql("""
                UPDATE guidance_person SET full_name = ?, birth_year = NULL
                WHERE person_id IS NULL AND full_name <> ?
                  AND session_id IN (SELECT id FROM guidance_session WHERE given_on < ?)""")
                .params(ANONYMOUS, ANONYMOUS, before).update();
    }
}

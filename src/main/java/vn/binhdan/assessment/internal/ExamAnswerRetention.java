package vn.binhdan.assessment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhdan.shared.privacy.RetentionTarget;

/**
 * A finished attempt's chosen options are cleared once the rule's time has passed; whether each
 * item was right stays, so the score, the pass and the certificate remain what they were.
 */
@Component
class ExamAnswerRetention implements RetentionTarget {

    private final JdbcClient jdbc;

    ExamAnswerRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "EXAM_ANSWER";
    }

    @Override
    public int expire(Instant cutoff) {
        return jdbc.sql("""
                UPDATE exam_item SET choice = NULL, original_choice = NULL
                WHERE (choice IS NOT NULL OR original_choice IS NOT NULL)
                  AND attempt_id IN (SELECT id FROM exam_attempt WHERE finished_at IS NOT NULL AND finished_at < ?)""")
                .param(Timestamp.from(cutoff)).update();
    }
}

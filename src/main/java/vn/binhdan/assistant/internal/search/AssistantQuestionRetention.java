package vn.binhdan.assistant.internal.search;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhdan.shared.privacy.RetentionTarget;

/** Unanswered questions serve the authors for a while; a person's wording is not kept past the rule. */
@Component
class AssistantQuestionRetention implements RetentionTarget {

    private final JdbcClient jdbc;

    AssistantQuestionRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "ASSISTANT_QUESTION";
    }

    @Override
    public int expire(Instant cutoff) {
        return jdbc.sql("DELETE FROM assistant_unanswered WHERE asked_at < ?").param(Timestamp.from(cutoff)).update();
    }
}

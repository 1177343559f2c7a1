package vn.binhdan.learning.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhdan.shared.privacy.PersonalDataEraser;

/**
 * A deleted account's reading trail goes (each lesson opened, the learning-record statements);
 * the enrolment stays with when it was completed, so the course's and the unit's counts hold.
 */
@Component
class LearningErasure implements PersonalDataEraser {

    private final JdbcClient jdbc;

    LearningErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "LEARNING";
    }

    @Override
    public int erase(long personId) {
        int n = jdbc.sql("DELETE FROM learning_statement WHERE person_id = ?").param(personId).update();
        n += jdbc.sql("DELETE FROM lesson_progress WHERE person_id = ?").param(personId).update();
        n += jdbc.sql("""
                UPDATE enrolment SET last_lesson_id = NULL, last_seen_at = NULL
                WHERE person_id = ? AND (last_lesson_id IS NOT NULL OR last_seen_at IS NOT NULL)""")
                .param(personId).update();
        return n;
    }
}

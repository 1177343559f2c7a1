package vn.binhdan.assessment.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhdan.shared.privacy.PersonalDataEraser;

/**
 * A deleted account's chosen options and the address and device it answered from are cleared on
 * every finished attempt; whether each item was right stays, so the score, the pass and the
 * certificate built on it remain valid (as the retention rule for exam answers does).
 */
@Component
class ExamErasure implements PersonalDataEraser {

    private final JdbcClient jdbc;

    ExamErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "EXAM";
    }

    @Override
    public int erase(long personId) {
        int n = jdbc.sql("""
                UPDATE exam_item SET choice = NULL, original_choice = NULL
                WHERE (choice IS NOT NULL OR original_choice IS NOT NULL)
                  AND attempt_id IN (SELECT id FROM exam_attempt WHERE person_id = ? AND finished_at IS NOT NULL)""")
                .param(personId).update();
        n += jdbc.sql("""
                UPDATE exam_attempt SET client_ip = NULL, device = NULL
                WHERE person_id = ? AND finished_at IS NOT NULL AND (client_ip IS NOT NULL OR device IS NOT NULL)""")
                .param(personId).update();
        return n;
    }
}

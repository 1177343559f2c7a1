package vn.binhdan.assistant.internal.path;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhdan.shared.privacy.PersonalDataEraser;

/**
 * A deleted account's answers to finished placement checks go; what they concluded (the mastery
 * estimate the unit's averages read) stays. Questions asked of the assistant are never kept with
 * a person, so there is nothing of them to remove here.
 */
@Component
class PlacementErasure implements PersonalDataEraser {

    private final JdbcClient jdbc;

    PlacementErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "PLACEMENT";
    }

    @Override
    public int erase(long personId) {
        return jdbc.sql("""
                DELETE FROM placement_answer
                WHERE check_id IN (SELECT id FROM placement_check WHERE person_id = ? AND finished_at IS NOT NULL)""")
                .param(personId).update();
    }
}

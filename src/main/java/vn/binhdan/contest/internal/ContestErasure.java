package vn.binhdan.contest.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhdan.shared.privacy.PersonalDataEraser;

/**
 * A deleted account's contest entries lose the address and device they came from; the entries
 * keep their place and score, so rankings and the units' participation do not move (the name is
 * already off the leaderboards: the erasure withdraws every consent first).
 */
@Component
class ContestErasure implements PersonalDataEraser {

    private final JdbcClient jdbc;

    ContestErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "CONTEST";
    }

    @Override
    public int erase(long personId) {
        return jdbc.sql("""
                UPDATE contest_entry SET client_ip = NULL, device = NULL
                WHERE person_id = ? AND finished_how IS NOT NULL AND (client_ip IS NOT NULL OR device IS NOT NULL)""")
                .param(personId).update();
    }
}

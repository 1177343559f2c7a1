package vn.binhdan.community.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AmbassadorRepository {

    /** A link with what the tree shows of both ends. */
    public record LinkRow(long learnerId, long guideId, LocalDate linkedOn, String learnerName, String learnerPath,
                          String learnerUnitName, String guideName, String guidePath, String guideUnitName) {
    }

    public record EligibilityRow(long personId, LocalDate eligibleOn, String reason) {
    }

    private final JdbcClient jdbc;

    public AmbassadorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> guideOf(long learnerId) {
        return jdbc.sql("SELECT guide_id FROM ambassador_link WHERE learner_id = ?").param(learnerId)
                .query(Long.class).optional();
    }

    public int learnerCount(long guideId) {
        return jdbc.sql("SELECT COUNT(*) FROM ambassador_link WHERE guide_id = ?").param(guideId)
                .query(Integer.class).single();
    }

    public void insertLink(long learnerId, long guideId, LocalDate linkedOn, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO ambassador_link (learner_id, guide_id, linked_on, created_by, created_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(learnerId, guideId, Date.valueOf(linkedOn), by, Timestamp.from(at)).update();
    }

    public List<LinkRow> allLinks() {
        return jdbc.sql("""
                SELECT l.learner_id, l.guide_id, l.linked_on, lp.full_name, lu.path, lu.name, gp.full_name, gu.path, gu.name
                FROM ambassador_link l
                JOIN person lp ON lp.id = l.learner_id JOIN unit lu ON lu.id = lp.residence_unit_id
                JOIN person gp ON gp.id = l.guide_id JOIN unit gu ON gu.id = gp.residence_unit_id
                ORDER BY l.linked_on, l.created_at, l.learner_id""")
                .query((rs, i) -> new LinkRow(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
    }

    public Map<Long, EligibilityRow> eligibility(Collection<Long> personIds) {
        Map<Long, EligibilityRow> out = new HashMap<>();
        List<Long> ids = new ArrayList<>(personIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.sql("SELECT person_id, eligible_on, reason FROM ambassador_eligibility WHERE person_id IN (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .query((rs, n) -> new EligibilityRow(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3)))
                    .list().forEach(e -> out.put(e.personId(), e));
        }
        return out;
    }

    /** True when this call made the person eligible; the first completion is the one kept. */
    public boolean markEligible(long personId, LocalDate on, String reason, String ref, String by, Instant at) {
        if (jdbc.sql("SELECT COUNT(*) FROM ambassador_eligibility WHERE person_id = ?").param(personId)
                .query(Long.class).single() > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO ambassador_eligibility (person_id, eligible_on, reason, source_ref, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(personId, Date.valueOf(on), reason, ref, by, Timestamp.from(at)).update();
        return true;
    }
}

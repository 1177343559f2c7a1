package vn.binhdan.privacy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.binhdan.privacy.ConsentState;
import vn.binhdan.privacy.Correction;
import vn.binhdan.privacy.CorrectionStatus;
import vn.binhdan.privacy.Notice;
import vn.binhdan.privacy.RetentionRule;
import vn.binhdan.privacy.RetentionRun;
import vn.binhdan.shared.privacy.ConsentPurpose;

/** The privacy module's tables; nothing else reads them. */
@Repository
public class PrivacyRepository {

    private static final String NOTICE = """
            SELECT n.id, n.unit_id, u.name, n.version, n.title, n.body, n.contact, n.published_by, n.published_at
            FROM privacy_notice n JOIN unit u ON u.id = n.unit_id""";

    private final JdbcClient jdbc;

    public PrivacyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- notices

    public int nextVersion(long unitId) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM privacy_notice WHERE unit_id = ?").param(unitId)
                .query(Integer.class).single();
    }

    public long insertNotice(long unitId, String unitPath, int version, String title, String body, String contact,
                             String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO privacy_notice (unit_id, unit_path, version, title, body, contact, published_by, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(unitId, unitPath, version, title, body, contact, by, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void updateNotice(long id, String title, String body, String contact) {
        jdbc.sql("UPDATE privacy_notice SET title = ?, body = ?, contact = ? WHERE id = ?")
                .params(title, body, contact, id).update();
    }

    public Optional<Notice> notice(long id) {
        return jdbc.sql(NOTICE + " WHERE n.id = ?").param(id).query(this::mapNotice).optional();
    }

    public Optional<String> noticePath(long id) {
        return jdbc.sql("SELECT unit_path FROM privacy_notice WHERE id = ?").param(id).query(String.class).optional();
    }

    /** The latest version of the notice of the nearest unit above (or at) the residence. */
    public Optional<Notice> noticeFor(String residencePath) {
        return jdbc.sql(NOTICE + " WHERE CAST(? AS VARCHAR(400)) LIKE n.unit_path || '%' ORDER BY LENGTH(n.unit_path) DESC, n.version DESC LIMIT 1")
                .param(residencePath).query(this::mapNotice).optional();
    }

    public List<Notice> noticesWithin(Collection<String> scopes) {
        StringBuilder sql = new StringBuilder(NOTICE + " WHERE 1=0");
        List<Object> params = new ArrayList<>();
        for (String s : scopes) {
            sql.append(" OR n.unit_path LIKE ?");
            params.add(s + "%");
        }
        sql.append(" ORDER BY n.unit_path, n.version DESC");
        return jdbc.sql(sql.toString()).params(params).query(this::mapNotice).list();
    }

    public boolean anyoneSaw(long noticeId) {
        return jdbc.sql("SELECT COUNT(*) FROM privacy_notice_seen WHERE notice_id = ?").param(noticeId)
                .query(Integer.class).single() > 0;
    }

    public boolean saw(long personId, long noticeId) {
        return jdbc.sql("SELECT COUNT(*) FROM privacy_notice_seen WHERE person_id = ? AND notice_id = ?")
                .params(personId, noticeId).query(Integer.class).single() > 0;
    }

    public void markSeen(long personId, long noticeId, Instant at) {
        if (!saw(personId, noticeId)) {
            jdbc.sql("INSERT INTO privacy_notice_seen (person_id, notice_id, seen_at) VALUES (?, ?, ?)")
                    .params(personId, noticeId, Timestamp.from(at)).update();
        }
    }

    private Notice mapNotice(ResultSet rs, int i) throws SQLException {
        return new Notice(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant());
    }

    // --- consents

    public void insertConsent(long personId, ConsentPurpose purpose, boolean granted, Long noticeId, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO privacy_consent (person_id, purpose, granted, notice_id, decided_at, decided_by)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(personId, purpose.name(), granted, noticeId, Timestamp.from(at), by).update();
    }

    /** The choice in force per purpose: the latest row. */
    public Map<ConsentPurpose, ConsentState> consents(long personId) {
        Map<ConsentPurpose, ConsentState> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.purpose, c.granted, n.version, c.decided_at FROM privacy_consent c
                LEFT JOIN privacy_notice n ON n.id = c.notice_id
                WHERE c.person_id = ? ORDER BY c.id""").param(personId).query((rs, i) -> {
            ConsentPurpose p = ConsentPurpose.valueOf(rs.getString(1));
            out.put(p, new ConsentState(p, rs.getBoolean(2), rs.getObject(3, Integer.class), rs.getTimestamp(4).toInstant()));
            return null;
        }).list();
        return out;
    }

    public Set<Long> withholding(ConsentPurpose purpose, Collection<Long> personIds) {
        Set<Long> out = new HashSet<>();
        if (personIds.isEmpty()) {
            return out;
        }
        List<Long> ids = new ArrayList<>(new HashSet<>(personIds));
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> params = new ArrayList<>();
            params.add(purpose.name());
            params.addAll(chunk);
            out.addAll(jdbc.sql("""
                    SELECT c.person_id FROM privacy_consent c
                    WHERE c.purpose = ? AND c.person_id IN (%s) AND c.granted = FALSE
                      AND c.id = (SELECT MAX(l.id) FROM privacy_consent l WHERE l.person_id = c.person_id AND l.purpose = c.purpose)"""
                    .formatted(marks)).params(params).query(Long.class).list());
        }
        return out;
    }

    // --- corrections

    private static final String CORRECTION = """
            SELECT c.id, c.person_id, p.full_name, c.field, c.requested_value, c.reason, c.status, c.reply, c.created_at,
                   c.answered_at, c.unit_path
            FROM privacy_correction c JOIN person p ON p.id = c.person_id""";

    public long insertCorrection(long personId, String unitPath, String field, String value, String reason, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO privacy_correction (person_id, unit_path, field, requested_value, reason, status, created_at)
                VALUES (?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(personId, unitPath, field, value, reason, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean openCorrectionExists(long personId, String field, String value) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM privacy_correction
                WHERE person_id = ? AND field = ? AND requested_value = ? AND status = 'OPEN'""")
                .params(personId, field, value).query(Integer.class).single() > 0;
    }

    public List<Correction> correctionsOf(long personId) {
        return jdbc.sql(CORRECTION + " WHERE c.person_id = ? ORDER BY c.id DESC").param(personId).query(this::mapCorrection).list();
    }

    public record Located(Correction correction, String unitPath) {
    }

    public Optional<Located> correction(long id) {
        return jdbc.sql(CORRECTION + " WHERE c.id = ?").param(id)
                .query((rs, i) -> new Located(mapCorrection(rs, i), rs.getString(11))).optional();
    }

    public List<Correction> correctionsWithin(Collection<String> scopes, boolean openOnly) {
        StringBuilder sql = new StringBuilder(CORRECTION + " WHERE (1=0");
        List<Object> params = new ArrayList<>();
        for (String s : scopes) {
            sql.append(" OR c.unit_path LIKE ?");
            params.add(s + "%");
        }
        sql.append(")");
        if (openOnly) {
            sql.append(" AND c.status = 'OPEN'");
        }
        sql.append(" ORDER BY c.id DESC LIMIT 500");
        return jdbc.sql(sql.toString()).params(params).query(this::mapCorrection).list();
    }

    public int countOpenWithin(Collection<String> scopes) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM privacy_correction WHERE status = 'OPEN' AND (1=0");
        List<Object> params = new ArrayList<>();
        for (String s : scopes) {
            sql.append(" OR unit_path LIKE ?");
            params.add(s + "%");
        }
        return jdbc.sql(sql.append(")").toString()).params(params).query(Integer.class).single();
    }

    /** Answers only an open request: a second answer (two officers at once) changes nothing. */
    public boolean answer(long id, CorrectionStatus status, String reply, String by, Instant at) {
        return jdbc.sql("""
                UPDATE privacy_correction SET status = ?, reply = ?, answered_by = ?, answered_at = ?
                WHERE id = ? AND status = 'OPEN'""")
                .params(status.name(), reply, by, Timestamp.from(at), id).update() == 1;
    }

    private Correction mapCorrection(ResultSet rs, int i) throws SQLException {
        Timestamp answered = rs.getTimestamp(10);
        return new Correction(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), CorrectionStatus.valueOf(rs.getString(7)), rs.getString(8), rs.getTimestamp(9).toInstant(),
                answered == null ? null : answered.toInstant());
    }

    // --- retention

    public List<RetentionRule> rules() {
        return jdbc.sql("SELECT kind, days, minimum_days, action, updated_by, updated_at FROM retention_rule ORDER BY kind")
                .query((rs, i) -> {
                    Timestamp at = rs.getTimestamp(6);
                    return new RetentionRule(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                            at == null ? null : at.toInstant());
                }).list();
    }

    public void setRule(String kind, int days, String by, Instant at) {
        jdbc.sql("UPDATE retention_rule SET days = ?, updated_by = ?, updated_at = ? WHERE kind = ?")
                .params(days, by, Timestamp.from(at), kind).update();
    }

    /** Claims the job until {@code until} unless another instance holds it now. */
    public boolean claim(String name, String owner, Instant now, Instant until) {
        return jdbc.sql("UPDATE privacy_job_lock SET locked_until = ?, locked_by = ? WHERE name = ? AND locked_until < ?")
                .params(Timestamp.from(until), owner, name, Timestamp.from(now)).update() == 1;
    }

    public void release(String name, String owner, Instant now) {
        jdbc.sql("UPDATE privacy_job_lock SET locked_until = ? WHERE name = ? AND locked_by = ?")
                .params(Timestamp.from(now), name, owner).update();
    }

    public long insertRun(Instant started, Instant finished, String by, String report) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO retention_run (started_at, finished_at, ran_by, report) VALUES (?, ?, ?, ?)")
                .params(Timestamp.from(started), Timestamp.from(finished), by, report).update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<RetentionRun> runs(int limit) {
        return jdbc.sql("SELECT id, started_at, finished_at, ran_by, report FROM retention_run ORDER BY id DESC LIMIT " + limit)
                .query((rs, i) -> new RetentionRun(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), parse(rs.getString(5)))).list();
    }

    private static Map<String, Integer> parse(String report) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String line : report.split("\n")) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2) {
                out.put(parts[0], Integer.parseInt(parts[1]));
            }
        }
        return out;
    }
}

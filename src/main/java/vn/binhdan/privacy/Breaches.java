package vn.binhdan.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.TextLimits;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/**
 * The breach log: provincial administrators record a suspected breach of personal data and the
 * notification sent, and see which are overdue against the 72 hours the law allows.
 */
@Service
@Transactional(readOnly = true)
public class Breaches {

    public static final Duration NOTIFY_WITHIN = Duration.ofHours(72);

    private static final String SELECT = """
            SELECT b.id, b.unit_id, u.name, b.description, b.found_at, b.affected, b.actions, b.notified_at, b.recorded_by,
                   b.unit_path
            FROM privacy_breach b JOIN unit u ON u.id = b.unit_id""";

    private final JdbcClient jdbc;
    private final Units units;
    private final AuditLog audit;
    private final Clock clock;

    public Breaches(JdbcClient jdbc, Units units, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Breach> list() {
        List<String> scopes = scopes();
        StringBuilder sql = new StringBuilder(SELECT + " WHERE (1=0");
        List<Object> params = new ArrayList<>();
        for (String s : scopes) {
            sql.append(" OR b.unit_path LIKE ?");
            params.add(s + "%");
        }
        sql.append(") ORDER BY b.found_at DESC");
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> breach(rs)).list();
    }

    @Transactional
    public Breach record(BreachForm form) {
        TextLimits.check(form);
        AppUser user = CurrentUser.require();
        if (form == null || form.unitId() == null) {
            throw new BusinessException("privacy.breach.unitRequired");
        }
        Unit unit = units.find(form.unitId()).orElseThrow(() -> new NotFoundException("unit.notFound", form.unitId()));
        if (!user.canActOn(unit.path(), PrivacyNotices.PUBLISHERS)) {
            throw new ForbiddenException("privacy.breach.forbidden");
        }
        String description = required(form.description(), "privacy.breach.descriptionRequired");
        String affected = required(form.affected(), "privacy.breach.affectedRequired");
        if (form.foundAt() == null) {
            throw new BusinessException("privacy.breach.foundAtRequired");
        }
        Instant now = clock.instant();
        if (form.foundAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new BusinessException("privacy.breach.foundAtFuture");
        }
        checkNotified(form.foundAt(), form.notifiedAt());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO privacy_breach (unit_id, unit_path, description, found_at, affected, actions, notified_at,
                                            recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(unit.id(), unit.path(), description, Timestamp.from(form.foundAt()), affected,
                        VietnameseText.clean(form.actions()), ts(form.notifiedAt()), user.username(), Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record("CREATE", "privacy-breach", String.valueOf(id), unit.path(), null);
        return find(id);
    }

    /** Adds the actions taken and the time the notification went out. */
    @Transactional
    public Breach update(long id, BreachForm form) {
        TextLimits.check(form);
        AppUser user = CurrentUser.require();
        Breach b = find(id);
        String path = jdbc.sql("SELECT unit_path FROM privacy_breach WHERE id = ?").param(id).query(String.class).single();
        if (!user.canActOn(path, PrivacyNotices.PUBLISHERS)) {
            throw new ForbiddenException("privacy.breach.forbidden");
        }
        Instant notified = form == null || form.notifiedAt() == null ? b.notifiedAt() : form.notifiedAt();
        checkNotified(b.foundAt(), notified);
        String actions = form == null || form.actions() == null ? b.actions() : VietnameseText.clean(form.actions());
        jdbc.sql("UPDATE privacy_breach SET actions = ?, notified_at = ? WHERE id = ?")
                .params(actions, ts(notified), id).update();
        audit.record("UPDATE", "privacy-breach", String.valueOf(id), path, null);
        return find(id);
    }

    private Breach find(long id) {
        Breach b = jdbc.sql(SELECT + " WHERE b.id = ?").param(id).query((rs, i) -> breach(rs)).optional()
                .orElseThrow(() -> new NotFoundException("privacy.breach.notFound", id));
        String path = jdbc.sql("SELECT unit_path FROM privacy_breach WHERE id = ?").param(id).query(String.class).single();
        if (!CurrentUser.require().canActOn(path, PrivacyNotices.PUBLISHERS)) {
            throw new NotFoundException("privacy.breach.notFound", id);
        }
        return b;
    }

    private Breach breach(java.sql.ResultSet rs) throws java.sql.SQLException {
        Instant found = rs.getTimestamp(5).toInstant();
        Timestamp n = rs.getTimestamp(8);
        Instant notified = n == null ? null : n.toInstant();
        Instant by = found.plus(NOTIFY_WITHIN);
        boolean overdue = notified == null ? clock.instant().isAfter(by) : notified.isAfter(by);
        return new Breach(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), found, rs.getString(6),
                rs.getString(7), notified, by, overdue, rs.getString(9));
    }

    private static void checkNotified(Instant found, Instant notified) {
        if (notified != null && notified.isBefore(found)) {
            throw new BusinessException("privacy.breach.notifiedBeforeFound");
        }
    }

    private static List<String> scopes() {
        List<String> scopes = CurrentUser.require().scopePaths(PrivacyNotices.PUBLISHERS);
        if (scopes.isEmpty()) {
            throw new ForbiddenException("privacy.breach.forbidden");
        }
        return scopes;
    }

    private static String required(String text, String key) {
        String t = VietnameseText.clean(text);
        if (t == null || t.isBlank()) {
            throw new BusinessException(key);
        }
        return t;
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}

package vn.binhdan.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.Role;

/**
 * Writes and reads the audit trail. A write is recorded in the caller's transaction, so a
 * change and its audit row commit or roll back together.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param scopePath the unit path the record belongs to, so administrators of that subtree see it
     * @param detail    never personal data such as ID numbers: the trail must not become a leak
     */
    @Transactional
    public void record(String action, String subjectType, String subjectId, String scopePath, String detail) {
        String actor = CurrentUser.find().map(AppUser::username).orElse("anonymous");
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, scope_path, detail, remote_addr)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(Instant.now()), actor, action, subjectType, subjectId, scopePath,
                        detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail,
                        remoteAddr())
                .update();
    }

    /**
     * Records in a transaction of its own: for refusals, whose own transaction is rolled back
     * with the error that answers them, yet which must stay on the trail.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void recordApart(String action, String subjectType, String subjectId, String scopePath, String detail) {
        record(action, subjectType, subjectId, scopePath, detail);
    }

    /** How many times the current user did {@code action} since then: the trail doubles as a rate counter. */
    @Transactional(readOnly = true)
    public int countMine(String action, Instant since) {
        String actor = CurrentUser.find().map(AppUser::username).orElse("anonymous");
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = ? AND occurred_at >= ?")
                .params(actor, action, Timestamp.from(since)).query(Integer.class).single();
    }

    /** Entries visible to the current user: system administrators see all, provincial administrators their subtree. */
    @Transactional(readOnly = true)
    public List<AuditEntry> search(String actor, String subjectType, String subjectId, int limit) {
        AppUser user = CurrentUser.require();
        List<String> scopes = user.scopePaths(List.of(Role.PROVINCE_ADMIN, Role.SYSTEM_ADMIN));
        if (scopes.isEmpty()) {
            throw new ForbiddenException();
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE 1=1");
        List<Object> params = new ArrayList<>();
        if (!scopes.contains("/")) {
            sql.append(" AND (");
            for (int i = 0; i < scopes.size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append("scope_path LIKE ?");
                params.add(scopes.get(i) + "%");
            }
            sql.append(")");
        }
        if (actor != null && !actor.isBlank()) {
            sql.append(" AND actor = ?");
            params.add(actor.strip());
        }
        if (subjectType != null && !subjectType.isBlank()) {
            sql.append(" AND subject_type = ?");
            params.add(subjectType.strip());
        }
        if (subjectId != null && !subjectId.isBlank()) {
            sql.append(" AND subject_id = ?");
            params.add(subjectId.strip());
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, Math.min(limit, 500)));
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new AuditEntry(rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("detail"),
                rs.getString("remote_addr"))).list();
    }

    private static String remoteAddr() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest req = attrs.getRequest();
            return req.getRemoteAddr();
        }
        return null;
    }
}

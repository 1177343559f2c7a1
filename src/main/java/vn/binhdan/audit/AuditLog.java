package vn.binhdan.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
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

    /** The action of every list of persons, whichever module lists them. */
    public static final String LIST = "LIST";
    /** The action of every request refused with 403. */
    public static final String REFUSED = "REFUSED";

    private static final String LISTED_IN_REQUEST = AuditLog.class.getName() + ".listed";
    private static final String REFUSED_IN_REQUEST = AuditLog.class.getName() + ".refused";
    // an ID number (12 digits) or a phone number (10), possibly written in groups: never kept in clear
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d(?:[ .-]?\\d){7,}");

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    public AuditLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // lists are read in read-only transactions (which PostgreSQL keeps from writing), and a
        // refusal's request rolls back: their entries commit on their own
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * @param scopePath the unit path the record belongs to, so administrators of that subtree see it
     * @param detail    never personal data such as ID numbers: the trail must not become a leak
     */
    @Transactional
    public void record(String action, String subjectType, String subjectId, String scopePath, String detail) {
        insert(actor(), action, subjectType, subjectId, scopePath, detail, null);
    }

    /**
     * A list or search that returned persons. One request writes one entry: a page that shows
     * two lists (a team's members and its guidance log) adds the second to the first entry.
     *
     * @param list      what was listed (e.g. {@code person-search}, {@code class-attendance})
     * @param subjectId the record the list belongs to (a class session, a team), or null
     * @param scopePath the unit path the list was drawn from, so administrators of that subtree see it
     * @param query     the parameters as given; long numbers in them are masked
     * @param persons   how many persons the list returned
     */
    public void listed(String list, String subjectId, String scopePath, Map<String, ?> query, int persons) {
        String described = list + describe(query);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Listed earlier = request == null ? null
                : (Listed) request.getAttribute(LISTED_IN_REQUEST, RequestAttributes.SCOPE_REQUEST);
        if (earlier == null) {
            String actor = actor();
            Listed entry = new Listed(own.execute(tx -> insert(actor, LIST, list, subjectId, scopePath,
                    described, persons)), scopePath, persons, described);
            if (request != null) {
                request.setAttribute(LISTED_IN_REQUEST, entry, RequestAttributes.SCOPE_REQUEST);
            }
            return;
        }
        Listed merged = new Listed(earlier.id(), common(earlier.scopePath(), scopePath), earlier.persons() + persons,
                earlier.detail() + " + " + described);
        own.executeWithoutResult(tx -> jdbc.sql("UPDATE audit_event SET scope_path = ?, person_count = ?, detail = ? WHERE id = ?")
                .params(merged.scopePath(), merged.persons(), clip(merged.detail()), merged.id()).update());
        request.setAttribute(LISTED_IN_REQUEST, merged, RequestAttributes.SCOPE_REQUEST);
    }

    /** A list's query for {@link #listed}: name, value, name, value…; null values are left out. */
    public static Map<String, Object> query(Object... namesAndValues) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                out.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
            }
        }
        return out;
    }

    /**
     * A request refused with 403, whoever refused it (a service, the security filters). Recorded
     * in the scope of the actor's own units, so the administrators over them see the attempt.
     */
    public void refused(String method, String path) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            if (request.getAttribute(REFUSED_IN_REQUEST, RequestAttributes.SCOPE_REQUEST) != null) {
                return;
            }
            request.setAttribute(REFUSED_IN_REQUEST, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
        AppUser user = CurrentUser.find().orElse(null);
        String scope = user == null ? null : user.scopePaths(List.of(Role.values())).stream().findFirst().orElse(null);
        String actor = user == null ? "anonymous" : user.username();
        own.executeWithoutResult(tx -> insert(actor, REFUSED, "request", null, scope, method + " " + mask(path), null));
    }

    /**
     * Records in a transaction of its own: for refusals, whose own transaction is rolled back
     * with the error that answers them, yet which must stay on the trail.
     */
    public void recordApart(String action, String subjectType, String subjectId, String scopePath, String detail) {
        String actor = actor();
        own.executeWithoutResult(tx -> insert(actor, action, subjectType, subjectId, scopePath, detail, null));
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
        return search(actor, null, null, subjectType, subjectId, limit);
    }

    /**
     * @param action one action (READ, LIST, REFUSED, UPDATE…)
     * @param person a person's id: the entries whose subject is that person
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> search(String actor, String action, Long person, String subjectType, String subjectId,
                                   int limit) {
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
        if (action != null && !action.isBlank()) {
            sql.append(" AND action = ?");
            params.add(action.strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (person != null) {
            // modules name their person subjects "PERSON" or "person"
            sql.append(" AND LOWER(subject_type) = 'person' AND subject_id = ?");
            params.add(Long.toString(person));
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
                rs.getString("remote_addr"), (Integer) rs.getObject("person_count", Integer.class))).list();
    }

    /**
     * What others did with one person's record, newest first: for showing to that person alone
     * (the caller checks it is them). Their own actions are left out.
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> aboutPerson(long personId, String exceptActor, int limit) {
        return jdbc.sql("""
                SELECT * FROM audit_event WHERE subject_type IN ('PERSON', 'person') AND subject_id = ? AND actor <> ?
                ORDER BY id DESC LIMIT\s""" + Math.max(1, Math.min(limit, 1000)))
                .params(Long.toString(personId), exceptActor)
                .query((rs, i) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"),
                        rs.getString("subject_id"), rs.getString("detail"), rs.getString("remote_addr"),
                        (Integer) rs.getObject("person_count", Integer.class))).list();
    }

    /** "***" and the last three digits, as the registry shows an ID number. */
    static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = LONG_NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            m.appendReplacement(out, Matcher.quoteReplacement("***" + digits.substring(digits.length() - 3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String describe(Map<String, ?> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner out = new StringJoiner(", ", " (", ")");
        query.forEach((k, v) -> {
            if (v != null && !String.valueOf(v).isBlank()) {
                out.add(k + "=" + mask(String.valueOf(v)));
            }
        });
        return out.length() == 3 ? "" : out.toString();
    }

    private static String common(String a, String b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        // cut back to a whole unit: "/1/23/" and "/1/24/" share "/1/", not "/1/2"
        return a.substring(0, a.lastIndexOf('/', i - 1) + 1);
    }

    private long insert(String actor, String action, String subjectType, String subjectId, String scopePath,
                        String detail, Integer persons) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, scope_path, detail, remote_addr,
                                         person_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(Instant.now()), actor, action, subjectType, subjectId, scopePath, clip(detail),
                        remoteAddr(), persons)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static String clip(String detail) {
        return detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail;
    }

    private static String actor() {
        return CurrentUser.find().map(AppUser::username).orElse("anonymous");
    }

    private static String remoteAddr() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest req = attrs.getRequest();
            return req.getRemoteAddr();
        }
        return null;
    }

    private record Listed(long id, String scopePath, int persons, String detail) {
    }
}

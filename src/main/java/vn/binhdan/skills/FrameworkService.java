package vn.binhdan.skills;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.LocalizedText;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.shipped.ShippedReleases;
import vn.binhdan.shared.shipped.ShippedUpdate;

/**
 * Keeps every published framework version. Publishing a new version makes it current for new
 * courses; a course keeps the version it was written against, so nothing learned is lost.
 */
@Service
@Transactional(readOnly = true)
public class FrameworkService {

    public static final List<Role> PUBLISHERS = List.of(Role.PROVINCE_ADMIN, Role.SYSTEM_ADMIN);
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.\\-]{0,19}");
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.\\-]{0,19}");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    // versions never change once stored, so a parsed copy can be kept for good
    private final Map<String, Framework> parsed = new ConcurrentHashMap<>();

    private final ShippedReleases releases;

    public FrameworkService(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, Clock clock,
                            ShippedReleases releases) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.releases = releases;
    }

    public Framework current() {
        return jdbc.sql("SELECT version FROM skills_framework WHERE is_current").query(String.class).optional()
                .map(this::get)
                .orElseThrow(() -> new NotFoundException("skills.noFramework"));
    }

    public Optional<Framework> find(String version) {
        Framework f = parsed.get(version);
        if (f == null) {
            f = jdbc.sql("SELECT document, published_at, published_by FROM skills_framework WHERE version = ?")
                    .param(version)
                    .query((rs, i) -> {
                        Framework doc = parse(rs.getString(1));
                        return new Framework(doc.version(), doc.title(), doc.basis(), doc.areas(), false,
                                rs.getTimestamp(2).toInstant(), rs.getString(3));
                    })
                    .optional().orElse(null);
            if (f == null) {
                return Optional.empty();
            }
            // a stored version never changes, so its parsed form is kept for good (a lesson page needs it)
            parsed.put(version, f);
        }
        boolean current = jdbc.sql("SELECT is_current FROM skills_framework WHERE version = ?").param(version)
                .query(Boolean.class).single();
        return Optional.of(current == f.current() ? f
                : new Framework(f.version(), f.title(), f.basis(), f.areas(), current, f.publishedAt(), f.publishedBy()));
    }

    /** The framework's content for naming competencies; the "current" flag is not read. */
    public Optional<Framework> content(String version) {
        Framework f = parsed.get(version);
        return f != null ? Optional.of(f) : find(version);
    }

    public Framework get(String version) {
        return find(version).orElseThrow(() -> new NotFoundException("skills.versionNotFound", version));
    }

    public record VersionInfo(String version, String title, boolean current, Instant publishedAt, String publishedBy) {
    }

    public List<VersionInfo> versions() {
        return jdbc.sql("SELECT version, title, is_current, published_at, published_by FROM skills_framework ORDER BY published_at, version")
                .query((rs, i) -> new VersionInfo(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
    }

    /** Publishes a framework document (JSON) as the new current version; its version must be new. */
    @Transactional
    public Framework publish(String document) {
        AppUser user = CurrentUser.require();
        if (!user.has(Role.SYSTEM_ADMIN) && PUBLISHERS.stream().noneMatch(user::has)) {
            throw new ForbiddenException("skills.forbidden");
        }
        return store(document, user.username());
    }

    /** Stores a shipped framework file unless its version is already there (start-up). */
    @Transactional
    public boolean installIfAbsent(String document) {
        Framework f = parse(document);
        if (find(f.version()).isPresent()) {
            return false;
        }
        boolean first = jdbc.sql("SELECT COUNT(*) FROM skills_framework").query(Long.class).single() == 0;
        insert(f, document, "system", first);
        return true;
    }

    private static final String SHIPPED = "FRAMEWORK";

    /**
     * Installs an edition shipped with a release. An edition is never rewritten (courses, questions
     * and certificates name it): a new edition is added, and becomes the current one when it is the
     * release's newest and the province still runs a shipped edition (one it published itself stays
     * current). An installed edition the release ships with other words waits for a publisher to
     * publish it as a new edition ({@link #compareShipped}).
     */
    @Transactional
    public ShippedReleases.Outcome installShipped(String document, boolean newest) {
        releases.lock();
        Framework f = parse(document);
        String hash = shippedHash(document);
        Optional<String> stored = jdbc.sql("SELECT document FROM skills_framework WHERE version = ?").param(f.version())
                .query(String.class).optional();
        if (stored.isEmpty()) {
            Optional<String[]> current = jdbc.sql("SELECT version, published_by FROM skills_framework WHERE is_current")
                    .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
            boolean makeCurrent = current.isEmpty() || newest && "system".equals(current.get()[1]);
            if (makeCurrent && current.isPresent()) {
                jdbc.sql("UPDATE skills_framework SET is_current = FALSE WHERE version = ?").param(current.get()[0]).update();
            }
            insert(f, document, "system", makeCurrent);
            releases.installed(SHIPPED, f.version(), hash);
            if (makeCurrent && current.isPresent()) {
                audit.record("PUBLISH", "skills_framework", f.version(), "/", "previous=" + current.get()[0]);
                events.publishEvent(new FrameworkPublished(f.version(), current.get()[0]));
            }
            return ShippedReleases.Outcome.INSTALLED;
        }
        // an edition's words are fixed once stored: a release that changed them waits, whatever the province did
        return switch (ShippedReleases.decide(releases.release(SHIPPED, f.version()), hash, shippedHash(stored.get()),
                false, true)) {
            case RECORD -> {
                releases.installed(SHIPPED, f.version(), hash);
                yield ShippedReleases.Outcome.UNCHANGED;
            }
            case NOTHING -> ShippedReleases.Outcome.UNCHANGED;
            case WAIT, UPGRADE -> {
                releases.waiting(SHIPPED, f.version(), hash);
                yield ShippedReleases.Outcome.KEPT_LOCAL_EDITS;
            }
        };
    }

    /** Shipped editions whose release differs from the stored edition, stored beside shipped (publishers). */
    public List<ShippedUpdate> compareShipped(List<String> documents) {
        AppUser user = CurrentUser.require();
        if (PUBLISHERS.stream().noneMatch(user::has)) {
            throw new ForbiddenException("skills.forbidden");
        }
        Map<String, Instant> waiting = releases.waiting(SHIPPED);
        List<ShippedUpdate> out = new java.util.ArrayList<>();
        for (String document : documents) {
            Framework shipped = parse(document);
            Optional<String> stored = jdbc.sql("SELECT document FROM skills_framework WHERE version = ?")
                    .param(shipped.version()).query(String.class).optional();
            if (waiting.containsKey(shipped.version()) && stored.isPresent()
                    && !shippedHash(stored.get()).equals(shippedHash(document))) {
                out.add(new ShippedUpdate(SHIPPED, shipped.version(), waiting.get(shipped.version()),
                        get(shipped.version()), shipped));
            }
        }
        return out;
    }

    /** The document's content, whatever its layout. */
    private String shippedHash(String document) {
        return ShippedReleases.hash(json.writeValueAsString(json.readTree(document)));
    }

    private Framework store(String document, String by) {
        Framework f = parse(document);
        if (find(f.version()).isPresent()) {
            throw new BusinessException("skills.versionExists", f.version());
        }
        String previous = jdbc.sql("SELECT version FROM skills_framework WHERE is_current").query(String.class)
                .optional().orElse(null);
        if (previous != null) {
            jdbc.sql("UPDATE skills_framework SET is_current = FALSE WHERE version = ?").param(previous).update();
        }
        insert(f, document, by, true);
        audit.record("PUBLISH", "skills_framework", f.version(), "/", previous == null ? null : "previous=" + previous);
        events.publishEvent(new FrameworkPublished(f.version(), previous));
        return get(f.version());
    }

    private void insert(Framework f, String document, String by, boolean current) {
        jdbc.sql("INSERT INTO skills_framework (version, title, document, is_current, published_at, published_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(f.version(), f.title().in("vi"), document, current,
                        java.sql.Timestamp.from(clock.instant()), by)
                .update();
    }

    /** Parses and checks a framework document; every problem names where it is. */
    Framework parse(String document) {
        JsonNode root;
        try {
            root = json.readTree(document);
        } catch (JacksonException e) {
            throw new BusinessException("skills.invalidJson", e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BusinessException("skills.invalidJson", "{}");
        }
        String version = root.path("version").asString("");
        if (!VERSION.matcher(version).matches()) {
            throw new BusinessException("skills.badVersion", version);
        }
        LocalizedText title = text(root.path("title"), "title");
        Set<String> codes = new HashSet<>();
        List<Framework.Area> areas = new java.util.ArrayList<>();
        for (JsonNode a : root.path("areas")) {
            String areaCode = code(a, "areas", codes);
            List<Framework.Competency> comps = new java.util.ArrayList<>();
            for (JsonNode c : a.path("competencies")) {
                String cc = code(c, areaCode, codes);
                if (!cc.startsWith(areaCode + ".")) {
                    throw new BusinessException("skills.codeOutsideArea", cc, areaCode);
                }
                Set<TargetGroup> groups = groups(c, cc);
                List<Framework.Outcome> outcomes = new java.util.ArrayList<>();
                for (JsonNode o : c.path("outcomes")) {
                    String oc = code(o, cc, codes);
                    Set<TargetGroup> og = o.has("targetGroups") ? groups(o, oc) : groups;
                    outcomes.add(new Framework.Outcome(oc, text(o.path("text"), oc), og));
                }
                comps.add(new Framework.Competency(cc, text(c.path("title"), cc),
                        c.has("description") ? text(c.path("description"), cc) : new LocalizedText(Map.of()),
                        groups, List.copyOf(outcomes)));
            }
            if (comps.isEmpty()) {
                throw new BusinessException("skills.emptyArea", areaCode);
            }
            areas.add(new Framework.Area(areaCode, text(a.path("title"), areaCode), List.copyOf(comps)));
        }
        if (areas.isEmpty()) {
            throw new BusinessException("skills.noAreas");
        }
        LocalizedText basis = root.has("basis") ? text(root.path("basis"), "basis") : new LocalizedText(Map.of());
        return new Framework(version, title, basis, List.copyOf(areas), false, null, null);
    }

    private static String code(JsonNode node, String where, Set<String> seen) {
        String code = node.path("code").asString("");
        if (!CODE.matcher(code).matches()) {
            throw new BusinessException("skills.badCode", code, where);
        }
        if (!seen.add(code)) {
            throw new BusinessException("skills.duplicateCode", code);
        }
        return code;
    }

    private static Set<TargetGroup> groups(JsonNode node, String where) {
        EnumSet<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        for (JsonNode g : node.path("targetGroups")) {
            try {
                groups.add(TargetGroup.valueOf(g.asString("")));
            } catch (IllegalArgumentException e) {
                throw new BusinessException("skills.badGroup", g.asString(""), where);
            }
        }
        if (groups.isEmpty()) {
            throw new BusinessException("skills.noGroups", where);
        }
        return Set.copyOf(groups);
    }

    private static LocalizedText text(JsonNode node, String where) {
        LocalizedText t = LocalizedText.of(node);
        if (!t.hasVietnamese()) {
            throw new BusinessException("skills.missingVietnamese", where);
        }
        return t;
    }
}

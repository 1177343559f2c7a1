package vn.binhdan.assessment;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.binhdan.assessment.internal.QuestionRepository;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.skills.Framework;
import vn.binhdan.skills.FrameworkService;

/**
 * Exam blueprints, one per target group, edited by administrators. Each answer says how many
 * active questions the bank holds per area for that group, so a blueprint the bank cannot serve
 * shows before any learner meets it.
 */
@Service
@Transactional(readOnly = true)
public class Blueprints {

    public static final List<Role> EDITORS = List.of(Role.PROVINCE_ADMIN, Role.SYSTEM_ADMIN);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final QuestionRepository questions;
    private final FrameworkService frameworks;
    private final AuditLog audit;
    private final Clock clock;

    public Blueprints(JdbcClient jdbc, QuestionRepository questions, FrameworkService frameworks, AuditLog audit,
                      Clock clock) {
        this.jdbc = jdbc;
        this.questions = questions;
        this.frameworks = frameworks;
        this.audit = audit;
        this.clock = clock;
    }

    /** A blueprint with the bank's active questions per area for its group (its own framework version). */
    public record WithSupply(Blueprint blueprint, Map<String, Long> availablePerArea, boolean servable) {
    }

    public List<WithSupply> all() {
        CurrentUser.require();
        return jdbc.sql("SELECT * FROM exam_blueprint ORDER BY target_group").query(this::map).list()
                .stream().map(this::withSupply).toList();
    }

    public WithSupply get(TargetGroup group) {
        CurrentUser.require();
        return find(group).map(this::withSupply)
                .orElseThrow(() -> new NotFoundException("blueprint.notFound", group.name()));
    }

    /** The group's blueprint with the bank's supply, or empty when the group has none. */
    public Optional<WithSupply> findWithSupply(TargetGroup group) {
        return find(group).map(this::withSupply);
    }

    public Optional<Blueprint> find(TargetGroup group) {
        return jdbc.sql("SELECT * FROM exam_blueprint WHERE target_group = ?").param(group.name()).query(this::map)
                .optional();
    }

    /** What an administrator sets; the framework version is always the current one. */
    public record BlueprintForm(Map<String, Integer> perArea, Integer easyPercent, Integer mediumPercent,
                                Integer hardPercent, Integer timeLimitMinutes, Integer passPercent, Integer maxAttempts,
                                Integer waitHours) {
    }

    @Transactional
    public WithSupply set(TargetGroup group, BlueprintForm form) {
        AppUser user = CurrentUser.require();
        if (EDITORS.stream().noneMatch(user::has)) {
            throw new ForbiddenException("blueprint.forbidden");
        }
        Framework framework = frameworks.current();
        Map<String, Integer> perArea = check(form, framework);
        jdbc.sql("DELETE FROM exam_blueprint WHERE target_group = ?").param(group.name()).update();
        jdbc.sql("""
                INSERT INTO exam_blueprint (target_group, framework_version, per_area, easy_percent, medium_percent,
                                            hard_percent, time_limit_minutes, pass_percent, max_attempts, wait_hours,
                                            updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(group.name(), framework.version(), JSON.writeValueAsString(perArea), form.easyPercent(),
                        form.mediumPercent(), form.hardPercent(), form.timeLimitMinutes(), form.passPercent(),
                        form.maxAttempts(), form.waitHours(), user.username(), java.sql.Timestamp.from(clock.instant()))
                .update();
        audit.record("UPDATE", "exam_blueprint", group.name(), "/", JSON.writeValueAsString(form));
        return get(group);
    }

    /**
     * Starting values for a group that has none yet (first start): four questions per area of the
     * current framework, 40/40/20 easy/medium/hard, 30 minutes, 70 % to pass, three attempts a day
     * apart. Administrators change them; nothing in the code depends on these numbers.
     */
    @Transactional
    public void installDefaults() {
        Framework framework = frameworks.current();
        Map<String, Integer> perArea = new LinkedHashMap<>();
        framework.areas().forEach(a -> perArea.put(a.code(), 4));
        for (TargetGroup group : TargetGroup.values()) {
            if (find(group).isEmpty()) {
                jdbc.sql("""
                        INSERT INTO exam_blueprint (target_group, framework_version, per_area, easy_percent, medium_percent,
                                                    hard_percent, time_limit_minutes, pass_percent, max_attempts, wait_hours,
                                                    updated_by, updated_at)
                        VALUES (?, ?, ?, 40, 40, 20, 30, 70, 3, 24, 'system', ?)""")
                        .params(group.name(), framework.version(), JSON.writeValueAsString(perArea),
                                java.sql.Timestamp.from(clock.instant()))
                        .update();
            }
        }
    }

    static Map<String, Integer> check(BlueprintForm f, Framework framework) {
        if (f.perArea() == null || f.perArea().isEmpty()) {
            throw new BusinessException("blueprint.noAreas");
        }
        Map<String, Integer> perArea = new LinkedHashMap<>();
        for (Framework.Area area : framework.areas()) {
            perArea.put(area.code(), 0);
        }
        f.perArea().forEach((area, n) -> {
            if (!perArea.containsKey(area)) {
                throw new BusinessException("blueprint.unknownArea", area, framework.version());
            }
            if (n == null || n < 0 || n > 50) {
                throw new BusinessException("blueprint.badCount", area);
            }
            perArea.put(area, n);
        });
        if (perArea.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw new BusinessException("blueprint.noAreas");
        }
        Integer[] mix = {f.easyPercent(), f.mediumPercent(), f.hardPercent()};
        int sum = 0;
        for (Integer m : mix) {
            if (m == null || m < 0) {
                throw new BusinessException("blueprint.badMix");
            }
            sum += m;
        }
        if (sum != 100) {
            throw new BusinessException("blueprint.badMix");
        }
        between(f.timeLimitMinutes(), 5, 240, "blueprint.badTime");
        between(f.passPercent(), 1, 100, "blueprint.badPass");
        between(f.maxAttempts(), 1, 20, "blueprint.badAttempts");
        between(f.waitHours(), 0, 24 * 90, "blueprint.badWait");
        return perArea;
    }

    private static void between(Integer value, int min, int max, String key) {
        if (value == null || value < min || value > max) {
            throw new BusinessException(key, min, max);
        }
    }

    private WithSupply withSupply(Blueprint b) {
        Map<String, Long> available = new LinkedHashMap<>();
        b.perArea().keySet().forEach(a -> available.put(a, 0L));
        questions.activeCompetencies(b.frameworkVersion(), b.targetGroup())
                .forEach(c -> available.computeIfPresent(c.substring(0, c.indexOf('.') < 0 ? c.length() : c.indexOf('.')),
                        (k, n) -> n + 1));
        boolean servable = b.perArea().entrySet().stream()
                .allMatch(e -> available.getOrDefault(e.getKey(), 0L) >= e.getValue());
        return new WithSupply(b, available, servable);
    }

    private Blueprint map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Map<String, Integer> perArea = JSON.readValue(rs.getString("per_area"),
                new TypeReference<LinkedHashMap<String, Integer>>() { });
        return new Blueprint(TargetGroup.valueOf(rs.getString("target_group")), rs.getString("framework_version"),
                perArea, rs.getInt("easy_percent"), rs.getInt("medium_percent"), rs.getInt("hard_percent"),
                rs.getInt("time_limit_minutes"), rs.getInt("pass_percent"), rs.getInt("max_attempts"),
                rs.getInt("wait_hours"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }
}

package vn.binhdan.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.campaign.internal.IndicatorRepository;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/** The indicator catalogue, the targets of each unit and year, and the emulation table's weights. */
@Service
@Transactional(readOnly = true)
public class Indicators {

    /** Who sets targets for their own subtree: the province for all, a commune for its villages. */
    public static final List<Role> TARGET_SETTERS = List.of(Role.COMMUNE_OFFICER, Role.PROVINCE_ADMIN, Role.SYSTEM_ADMIN);

    public record Criterion(String indicatorCode, String group, BigDecimal weight) {
    }

    private final IndicatorRepository repo;
    private final Units units;
    private final AuditLog audit;
    private volatile List<Indicator> catalogue;
    private volatile Map<String, List<ComplianceRule>> compliance;

    public Indicators(IndicatorRepository repo, Units units, AuditLog audit) {
        this.repo = repo;
        this.units = units;
        this.audit = audit;
    }

    public List<Indicator> all() {
        List<Indicator> c = catalogue;
        if (c == null) {
            c = repo.all();
            catalogue = c;
        }
        return c;
    }

    public Optional<Indicator> find(String code) {
        return all().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Indicator get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("indicator.notFound", code));
    }

    /** Every target row of a year, to look up many units' targets with one read. */
    public TargetTable targets(int year) {
        return new TargetTable(year, repo.targetsOf(year));
    }

    /** The targets holding for one unit in a year, per indicator and group, own or inherited. */
    public List<Target> targetsOf(long unitId, int year) {
        Unit unit = units.find(unitId).orElseThrow(() -> new NotFoundException("unit.notFound", unitId));
        TargetTable table = targets(year);
        List<Target> out = new ArrayList<>();
        for (Indicator i : all()) {
            for (String g : i.groupKeys()) {
                table.forUnit(unit, i.code(), g).ifPresent(out::add);
            }
        }
        return out;
    }

    @Transactional
    public List<Target> setTarget(String code, TargetForm form) {
        Indicator indicator = get(code);
        Unit unit = units.find(form.unitId()).orElseThrow(() -> new NotFoundException("unit.notFound", form.unitId()));
        AppUser user = CurrentUser.require();
        if (!user.canActOn(unit.path(), TARGET_SETTERS)) {
            throw new ForbiddenException("target.forbidden");
        }
        if (form.year() < 2000 || form.year() > 2100) {
            throw new BusinessException("target.yearInvalid", form.year());
        }
        String group = form.group() == null || form.group().isBlank() ? Indicator.ALL : form.group().trim();
        if (!indicator.groupKeys().contains(group)) {
            throw new BusinessException("target.groupInvalid", group, String.join(", ", indicator.groupKeys()));
        }
        if (form.dueOn() != null && form.dueOn().getYear() != form.year()) {
            throw new BusinessException("target.dueOutsideYear", form.year());
        }
        if (form.value() == null) {
            repo.deleteTarget(code, unit.id(), group, form.year());
        } else {
            BigDecimal v = form.value();
            if (v.signum() < 0) {
                throw new BusinessException("target.negative");
            }
            if (indicator.measure() == Indicator.Measure.SHARE && v.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new BusinessException("target.shareAbove100");
            }
            if (indicator.measure() == Indicator.Measure.COUNT && v.stripTrailingZeros().scale() > 0) {
                throw new BusinessException("target.countWhole");
            }
            repo.upsertTarget(code, unit.id(), group, form.year(), v, form.dueOn(), user.username());
        }
        audit.record("UPDATE", "TARGET", code + "/" + unit.code() + "/" + group + "/" + form.year(), unit.path(),
                "value=" + form.value() + " due=" + form.dueOn());
        return targetsOf(unit.id(), form.year());
    }

    public List<Criterion> criteria() {
        return repo.criteria();
    }

    @Transactional
    public List<Criterion> setCriteria(List<Criterion> criteria) {
        AppUser user = CurrentUser.require();
        if (!user.has(Role.PROVINCE_ADMIN) && !user.has(Role.SYSTEM_ADMIN)) {
            throw new ForbiddenException("ranking.forbidden");
        }
        if (criteria == null || criteria.isEmpty()) {
            throw new BusinessException("ranking.empty");
        }
        Map<String, Boolean> seen = new HashMap<>();
        for (Criterion c : criteria) {
            Indicator i = get(c.indicatorCode());
            String g = c.group() == null || c.group().isBlank() ? Indicator.ALL : c.group();
            if (!i.groupKeys().contains(g)) {
                throw new BusinessException("target.groupInvalid", g, String.join(", ", i.groupKeys()));
            }
            if (c.weight() == null || c.weight().signum() <= 0 || c.weight().compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new BusinessException("ranking.weightInvalid", i.code());
            }
            if (seen.put(i.code() + "/" + g, true) != null) {
                throw new BusinessException("ranking.duplicate", i.code(), g);
            }
        }
        repo.replaceCriteria(criteria.stream().map(c -> new Criterion(c.indicatorCode(),
                c.group() == null || c.group().isBlank() ? Indicator.ALL : c.group(), c.weight())).toList());
        audit.record("UPDATE", "RANKING", "criteria", "/", criteria.toString());
        return criteria();
    }

    /** How the emulation table scores a criterion a unit has no data for. */
    public MissingData missingData() {
        return repo.missingData();
    }

    @Transactional
    public MissingData setMissingData(String rule) {
        AppUser user = CurrentUser.require();
        if (!user.has(Role.PROVINCE_ADMIN) && !user.has(Role.SYSTEM_ADMIN)) {
            throw new ForbiddenException("ranking.forbidden");
        }
        MissingData parsed;
        try {
            parsed = MissingData.valueOf(rule == null ? "" : rule.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessException("ranking.missingInvalid", rule);
        }
        repo.setMissingData(parsed);
        audit.record("UPDATE", "RANKING", "missing-data", "/", parsed.name());
        return parsed;
    }

    /** Targets of one year, looked up by walking from a unit up to the root. */
    public static final class TargetTable {
        private final int year;
        private final Map<String, Target> byKey = new HashMap<>();

        TargetTable(int year, List<Target> rows) {
            this.year = year;
            rows.forEach(t -> byKey.put(key(t.setAtUnitId(), t.indicatorCode(), t.group()), t));
        }

        public int year() {
            return year;
        }

        public Optional<Target> forUnit(Unit unit, String indicatorCode, String group) {
            Target own = byKey.get(key(unit.id(), indicatorCode, group));
            if (own != null) {
                return Optional.of(own);
            }
            List<Long> ancestors = unit.ancestorIds();
            for (int i = ancestors.size() - 1; i >= 0; i--) {
                Target t = byKey.get(key(ancestors.get(i), indicatorCode, group));
                if (t != null) {
                    return Optional.of(new Target(t.indicatorCode(), t.group(), t.year(), t.value(), t.dueOn(),
                            t.setAtUnitId(), true));
                }
            }
            return Optional.empty();
        }

        private static String key(long unitId, String code, String group) {
            return unitId + "/" + code + "/" + group;
        }
    }

    /** Resets the in-memory catalogue after the shipped file was installed. */
    public void catalogueChanged() {
        catalogue = null;
        compliance = null;
    }

    /** The conditions of a compliance indicator (empty for any other). */
    public List<ComplianceRule> complianceRules(String code) {
        Map<String, List<ComplianceRule>> c = compliance;
        if (c == null) {
            c = repo.complianceRules();
            compliance = c;
        }
        return c.getOrDefault(code, List.of());
    }

    /** Replaces a compliance indicator's conditions; the province's, kept over later releases. */
    @Transactional
    public List<ComplianceRule> setComplianceRules(String code, List<ComplianceForm> forms) {
        Indicator indicator = get(code);
        AppUser user = CurrentUser.require();
        if (!user.has(Role.PROVINCE_ADMIN) && !user.has(Role.SYSTEM_ADMIN)) {
            throw new ForbiddenException("ranking.forbidden");
        }
        if (!indicator.compliance()) {
            throw new BusinessException("compliance.notCompliance", indicator.name(java.util.Locale.of("vi")));
        }
        if (forms == null || forms.isEmpty()) {
            throw new BusinessException("compliance.empty");
        }
        List<ComplianceRule> rules = forms.stream().map(Indicators::rule).toList();
        repo.replaceCompliance(code, rules);
        compliance = null;
        audit.record("UPDATE", "COMPLIANCE", code, "/", rules.toString());
        return complianceRules(code);
    }

    /** A typed condition checked: a 400 with the reason, never a rule that cannot be evaluated. */
    public static ComplianceRule rule(ComplianceForm f) {
        String metric = f.metric() == null ? "" : f.metric().strip().toUpperCase(java.util.Locale.ROOT);
        if (!metric.matches("[A-Z_]{2,40}")) {
            throw new BusinessException("compliance.metricInvalid", f.metric());
        }
        List<String> kinds = f.kinds() == null ? List.of() : f.kinds().stream().filter(k -> k != null && !k.isBlank())
                .map(k -> k.strip().toUpperCase(java.util.Locale.ROOT)).toList();
        for (String k : kinds) {
            if (!k.matches("[A-Z_]{2,24}")) {
                throw new BusinessException("compliance.kindInvalid", k);
            }
        }
        ComplianceRule.Comparison comparison;
        try {
            comparison = ComplianceRule.Comparison.valueOf(f.comparison() == null ? ""
                    : f.comparison().strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessException("compliance.comparisonInvalid", f.comparison());
        }
        if (f.threshold() == null || f.threshold() < 0) {
            throw new BusinessException("compliance.thresholdInvalid");
        }
        java.time.MonthDay from = monthDay(f.from());
        java.time.MonthDay to = monthDay(f.to());
        if (to.isBefore(from)) {
            throw new BusinessException("compliance.windowReversed", f.from(), f.to());
        }
        if (from.getDayOfMonth() != 1 || to.getDayOfMonth() < to.getMonth().minLength()) {
            throw new BusinessException("compliance.windowMonths");
        }
        return new ComplianceRule(metric, kinds, comparison, f.threshold(), from, to, Boolean.TRUE.equals(f.eachMonth()));
    }

    private static java.time.MonthDay monthDay(String text) {
        String t = text == null ? "" : text.strip();
        try {
            if (t.matches("\\d{1,2}/\\d{1,2}")) {
                String[] p = t.split("/");
                return java.time.MonthDay.of(Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            }
            if (t.matches("\\d{2}-\\d{2}")) {
                return java.time.MonthDay.parse("--" + t);
            }
        } catch (java.time.DateTimeException e) {
            // falls through to the message below: 31/02 is not a day
        }
        throw new BusinessException("compliance.dateInvalid", t);
    }

    static LocalDate yearEnd(int year) {
        return LocalDate.of(year, 12, 31);
    }
}

package vn.binhdan.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.campaign.Indicators;
import vn.binhdan.campaign.Target;
import vn.binhdan.audit.AuditLog;
import org.springframework.context.MessageSource;
import vn.binhdan.campaign.ComplianceRule;
import vn.binhdan.campaign.MissingData;
import vn.binhdan.certification.NationalConfirmations;
import vn.binhdan.community.HouseholdShares;
import vn.binhdan.monitoring.internal.ReportedRepository;
import vn.binhdan.monitoring.internal.RollupRepository;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitService;
import vn.binhdan.unit.UnitType;
import vn.binhdan.unit.Units;

/** Builds dashboards from the live rollups, the population and the targets; reads only. */
@Service
public class Dashboards {

    /** Officers who may see the names behind a number (team members see their village's figures only). */
    static final List<Role> DRILLERS = List.of(Role.TEAM_MEMBER, Role.COMMUNE_OFFICER, Role.AGENCY_OFFICER,
            Role.PROVINCE_ADMIN, Role.SYSTEM_ADMIN);

    /** Months of history the forecast takes the pace from. */
    static final int PACE_MONTHS = 3;

    private final UnitService units;
    private final Units unitLookup;
    private final Indicators indicators;
    private final Rollups rollups;
    private final RollupRepository repo;
    private final ReportedRepository reportedRepo;
    private final MessageSource messages;
    private final HouseholdShares households;
    private final NationalConfirmations confirmations;
    private final PersonDirectory persons;
    private final AuditLog audit;
    private final Clock clock;

    Dashboards(UnitService units, Units unitLookup, Indicators indicators, Rollups rollups, RollupRepository repo,
               ReportedRepository reportedRepo, MessageSource messages, HouseholdShares households,
               NationalConfirmations confirmations, PersonDirectory persons, AuditLog audit, Clock clock) {
        this.confirmations = confirmations;
        this.households = households;
        this.reportedRepo = reportedRepo;
        this.messages = messages;
        this.units = units;
        this.unitLookup = unitLookup;
        this.indicators = indicators;
        this.rollups = rollups;
        this.repo = repo;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The people behind a unit's certified count for a group, a page at a time, for officers who
     * may read that unit; every page read is in the audit trail, as it lists personal data.
     */
    public List<CertifiedPerson> certified(long unitId, TargetGroup group, int page) {
        Unit unit = units.get(unitId);
        if (!CurrentUser.require().canActOn(unit.path(), DRILLERS)) {
            throw new ForbiddenException("dashboard.drillForbidden");
        }
        int size = 50;
        List<RollupRepository.CertifiedRow> rows = repo.certifiedIn(unit.path(), group.name(), Math.max(0, page) * size, size);
        Map<Long, String> unitNames = new java.util.HashMap<>();
        List<Long> unitIds = rows.stream().map(r -> lastId(r.countedPath())).distinct().toList();
        unitLookup.findByIds(unitIds).forEach(u -> unitNames.put(u.id(), u.name()));
        List<CertifiedPerson> out = new ArrayList<>();
        for (RollupRepository.CertifiedRow r : rows) {
            String name = persons.find(r.personId()).map(PersonDirectory.PersonRef::fullName).orElse("—");
            boolean declared = r.sourceId().startsWith("declared:");
            out.add(new CertifiedPerson(r.personId(), name, unitNames.get(lastId(r.countedPath())),
                    LocalDate.ofInstant(r.since(), clock.getZone()), declared ? null : r.sourceId().substring("certificate:".length()),
                    declared));
        }
        audit.listed("certified-list", unit.code() + "/" + group, unit.path(),
                AuditLog.query("unitId", unitId, "group", group, "page", page), out.size());
        return out;
    }

    private static long lastId(String path) {
        String[] parts = path.split("/");
        return Long.parseLong(parts[parts.length - 1]);
    }

    public Dashboard of(long unitId, Integer yearOrNull, Locale locale) {
        Unit unit = units.get(unitId);
        LocalDate today = LocalDate.now(clock);
        int year = yearOrNull == null ? today.getYear() : yearOrNull;
        if (year < 2000 || year > today.getYear() + 5) {
            throw new BusinessException("dashboard.yearInvalid", year);
        }
        Indicators.TargetTable targets = indicators.targets(year);
        List<Unit> children = units.children(unitId, false).stream().filter(u -> u.type().administrative()).toList();
        List<Long> ids = new ArrayList<>(children.stream().map(Unit::id).toList());
        ids.add(unit.id());
        Map<Long, Map<String, Long>> certified = rollups.totals(Metrics.CERTIFIED, ids);
        Map<Long, Map<TargetGroup, Rollups.Population>> population = rollups.population(ids, year);
        // a past year is seen as at its end, the current one as of today
        LocalDate asOf = year < today.getYear() ? LocalDate.of(year, 12, 31) : today;
        // one read of the year's approved figures in the subtree serves every card and every ranked unit
        List<Unit> subtree = unitLookup.subtree(unit);
        ReportedValues reported = new ReportedValues(reportedRepo.currentIn(unit.path(), year), subtree);
        Map<String, List<ComplianceValues.Result>> compliance = new java.util.HashMap<>();
        for (Indicator i : indicators.all()) {
            if (i.compliance()) {
                compliance.put(i.code(), ComplianceValues.evaluate(indicators.complianceRules(i.code()),
                        atLevelWithin(unit, subtree, i.targetLevel()), year, asOf, repo));
            }
        }

        Map<String, Map<Long, HouseholdShares.Share>> registers = registers(unit, children);

        List<Dashboard.Kpi> kpis = new ArrayList<>();
        Map<String, Map<LocalDate, Long>> monthly = rollups.monthly(Metrics.CERTIFIED, unit.id());
        for (Indicator i : indicators.all()) {
            for (String g : i.groupKeys()) {
                Optional<Target> target = targets.forUnit(unit, i.code(), g);
                kpis.add(i.compliance() ? complianceKpi(i, g, unit, year, compliance.get(i.code()), target, locale)
                        : registers.containsKey(i.metric()) ? registerKpi(i, g, registers.get(i.metric()).get(unit.id()),
                        target, locale)
                        : kpi(i, g, unit, certified, population, monthly, reported, target, asOf, locale));
            }
        }

        MissingData missing = indicators.missingData();
        List<Indicators.Criterion> criteria = indicators.criteria();
        Map<String, Map<Long, Map<String, Long>>> counts = new java.util.HashMap<>();
        for (Indicators.Criterion c : criteria) {
            indicators.find(c.indicatorCode()).filter(i -> i.computed() && i.measure() == Indicator.Measure.COUNT)
                    .ifPresent(i -> counts.computeIfAbsent(i.code(), k -> {
                        LocalDate from = i.frequency() == Indicator.Frequency.MONTH ? asOf.withDayOfMonth(1)
                                : asOf.withDayOfYear(1);
                        Map<Long, Map<String, Long>> sums = repo.sumMonthly(i.metric(),
                                children.stream().map(Unit::id).toList(), from, asOf);
                        List<String> kinds = countGroups(countRule(i), Indicator.ALL);
                        if (!kinds.equals(List.of(Indicator.ALL))) {
                            // the counted kinds only, kept under the group key the criterion names
                            sums.replaceAll((id, byGroup) -> Map.of(Indicator.ALL, kinds.stream()
                                    .mapToLong(kind -> byGroup.getOrDefault(kind, 0L)).sum()));
                        }
                        return sums;
                    }));
        }
        List<Dashboard.Ranked> rows = new ArrayList<>();
        for (Unit child : children) {
            double weighted = 0;
            double weights = 0;
            List<Double> values = new ArrayList<>();
            for (Indicators.Criterion c : criteria) {
                Optional<Indicator> i = indicators.find(c.indicatorCode());
                Double v = i.map(ind -> ind.compliance() ? met(child, compliance.get(ind.code())).share()
                        : registers.containsKey(ind.metric()) ? share(registers.get(ind.metric()).get(child.id()))
                        : rankValue(ind, c.group(), child, certified, population, reported, counts)).orElse(null);
                values.add(v);
                Optional<Target> t = targets.forUnit(child, c.indicatorCode(), c.group())
                        .filter(x -> i.isPresent() && (i.get().measure() != Indicator.Measure.COUNT
                                || atLevel(child, i.get().targetLevel())));
                if (t.isEmpty() || t.get().value().signum() == 0) {
                    continue; // without a target there is nothing to attain: the criterion weighs nothing here
                }
                if (v == null && missing == MissingData.EXCLUDE) {
                    continue;
                }
                double w = c.weight().doubleValue();
                weighted += v == null ? 0 : w * Math.min(1.0, v / t.get().value().doubleValue());
                weights += w;
            }
            rows.add(new Dashboard.Ranked(0, ref(child), weights == 0 ? null : round(100 * weighted / weights), values));
        }
        rows.sort(Comparator.comparing((Dashboard.Ranked r) -> r.score() == null ? -1 : r.score()).reversed()
                .thenComparing(r -> r.unit().name()));
        List<Dashboard.Ranked> ranked = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            Dashboard.Ranked r = rows.get(k);
            ranked.add(new Dashboard.Ranked(r.score() == null ? 0 : k + 1, r.unit(), r.score(), r.values()));
        }
        List<Dashboard.Column> columns = criteria.stream().map(c -> {
            Optional<Indicator> i = indicators.find(c.indicatorCode());
            String name = i.map(x -> x.name(locale)).orElse(c.indicatorCode())
                    + (Indicator.ALL.equals(c.group()) ? "" : " · " + messages.getMessage("group." + c.group(), null,
                    c.group(), locale));
            return new Dashboard.Column(c.indicatorCode(), c.group(), name,
                    i.map(x -> x.measure().name()).orElse(Indicator.Measure.SHARE.name()), c.weight());
        }).toList();
        List<Dashboard.UnitRef> trail = units.visibleAncestors(unit).stream().map(Dashboards::ref).toList();
        return new Dashboard(ref(unit), trail, year, clock.instant(), kpis, ranked, columns, missing.name());
    }

    /**
     * The compliance rule that says how a count indicator's metric is judged per unit: which kinds
     * count ("news items or videos" are not SMS) and whether the target must be passed or reached.
     */
    private Optional<ComplianceRule> countRule(Indicator count) {
        return indicators.all().stream().filter(Indicator::compliance)
                .flatMap(c -> indicators.complianceRules(c.code()).stream())
                .filter(r -> r.metric().equals(count.metric())).findFirst();
    }

    private static List<String> countGroups(Optional<ComplianceRule> rule, String group) {
        return rule.filter(r -> !r.kinds().isEmpty() && Indicator.ALL.equals(group)).map(ComplianceRule::kinds)
                .orElse(List.of(group));
    }

    /** The registers' shares (digital families, digital markets) of the unit and its children, if the catalogue has them. */
    private Map<String, Map<Long, HouseholdShares.Share>> registers(Unit unit, List<Unit> children) {
        List<Unit> all = new ArrayList<>(children);
        all.add(unit);
        Map<String, Map<Long, HouseholdShares.Share>> out = new java.util.HashMap<>();
        for (Indicator i : indicators.all()) {
            if (Metrics.HOUSEHOLDS_CERTIFIED.equals(i.metric())) {
                out.computeIfAbsent(i.metric(), m -> households.households(unit, all));
            } else if (Metrics.MARKET_TRADERS.equals(i.metric())) {
                out.computeIfAbsent(i.metric(), m -> households.traders(unit, all));
            }
        }
        return out;
    }

    private static Double share(HouseholdShares.Share s) {
        return s == null || s.total() == 0 ? null : round(100.0 * s.counted() / s.total());
    }

    private Dashboard.Kpi registerKpi(Indicator i, String g, HouseholdShares.Share s, Optional<Target> target,
                                      Locale locale) {
        Double value = share(s);
        BigDecimal t = target.map(Target::value).orElse(null);
        LocalDate deadline = target.map(Target::deadline).orElse(null);
        return new Dashboard.Kpi(i.code(), i.name(locale), i.measure().name(), i.source().name(), g,
                s == null ? null : s.counted(), s == null ? null : s.total(), value, t,
                target.map(Target::inherited).orElse(false), deadline,
                value == null ? Dashboard.Status.NO_DATA : status(value, t, null, deadline), null, List.of(), null, null, null);
    }

    /** The indicators whose figure the platform also knows itself, and the group it knows it for. */
    private static final Map<String, TargetGroup> KNOWN = Map.of("VNEID_CONFIRMED_SHARE", TargetGroup.ADULT);

    private Dashboard.Platform platform(Indicator i, String g, Unit unit, ReportedValues.Value v) {
        TargetGroup group = KNOWN.get(i.code());
        if (group == null || !group.name().equals(g)) {
            return null;
        }
        long known = confirmations.confirmed(unit.path(), group, List.of(unit.path())).getOrDefault(unit.path(), 0L);
        Long difference = v == null ? null : v.numerator() - known;
        boolean gap = v == null ? known > 0 : v.numerator() < known;
        return new Dashboard.Platform(known, difference, gap);
    }

    /** Units met and units judged within a unit's subtree (the unit itself when it is of the level). */
    record Met(int met, int of) {
        Double share() {
            return of == 0 ? null : round(100.0 * met / of);
        }
    }

    private static Met met(Unit within, List<ComplianceValues.Result> results) {
        int met = 0;
        int of = 0;
        for (ComplianceValues.Result r : results == null ? List.<ComplianceValues.Result>of() : results) {
            if (r.unit().path().startsWith(within.path())) {
                of++;
                met += r.met() ? 1 : 0;
            }
        }
        return new Met(met, of);
    }

    /** The units a compliance rule judges for a unit: itself when of the level, else those of the level beneath. */
    private static List<Unit> atLevelWithin(Unit unit, List<Unit> subtree, String level) {
        if (atLevel(unit, level)) {
            return List.of(unit);
        }
        return subtree.stream().filter(u -> u.active() && u.id() != unit.id() && u.type() != null
                && u.type().administrative() && atLevel(u, level)).toList();
    }

    private Dashboard.Kpi complianceKpi(Indicator i, String g, Unit unit, int year, List<ComplianceValues.Result> results,
                                       Optional<Target> target, Locale locale) {
        Met m = met(unit, results);
        Double value = m.share();
        BigDecimal t = target.map(Target::value).orElse(null);
        Dashboard.Compliance c = new Dashboard.Compliance(i.targetLevel(), m.met(), m.of(),
                String.join("; ", describe(indicators.complianceRules(i.code()), locale)),
                "/dashboard/" + unit.id() + "/compliance/" + i.code() + "?year=" + year);
        return new Dashboard.Kpi(i.code(), i.name(locale), i.measure().name(), i.source().name(), g, (long) m.met(),
                (long) m.of(), value, t, target.map(Target::inherited).orElse(false), target.map(Target::deadline).orElse(null),
                value == null ? Dashboard.Status.NO_DATA : status(value, t, null, target.map(Target::deadline).orElse(null)),
                null, List.of(), null, c, null);
    }

    /** The units of a compliance indicator's level beneath a unit that do not meet it, with their counts. */
    public ComplianceList compliance(long unitId, String code, Integer yearOrNull, Locale locale) {
        Unit unit = units.get(unitId);
        LocalDate today = LocalDate.now(clock);
        int year = yearOrNull == null ? today.getYear() : yearOrNull;
        if (year < 2000 || year > today.getYear() + 5) {
            throw new BusinessException("dashboard.yearInvalid", year);
        }
        Indicator i = indicators.get(code);
        if (!i.compliance()) {
            throw new BusinessException("compliance.notCompliance", i.name(locale));
        }
        LocalDate asOf = year < today.getYear() ? LocalDate.of(year, 12, 31) : today;
        List<ComplianceRule> rules = indicators.complianceRules(code);
        List<ComplianceValues.Result> results = ComplianceValues.evaluate(rules,
                atLevelWithin(unit, unitLookup.subtree(unit), i.targetLevel()), year, asOf, repo);
        List<ComplianceList.Failing> failing = results.stream().filter(r -> !r.met())
                .sorted(Comparator.comparing(r -> r.unit().name()))
                .map(r -> new ComplianceList.Failing(ref(r.unit()), r.values())).toList();
        int met = (int) results.stream().filter(ComplianceValues.Result::met).count();
        return new ComplianceList(ref(unit), year, code, i.name(locale), i.targetLevel(), describe(rules, locale), met,
                results.size(), failing);
    }

    /** Each condition in words: "Lớp học ≥ 5 (01/01 – 30/06)", "Tin, bài, video (Tin bài, Video) > 10 mỗi tháng (…)". */
    private List<String> describe(List<ComplianceRule> rules, Locale locale) {
        java.time.format.DateTimeFormatter dm = java.time.format.DateTimeFormatter.ofPattern("dd/MM");
        return rules.stream().map(r -> {
            String kinds = r.kinds().isEmpty() ? "" : " (" + String.join(", ", r.kinds().stream()
                    .map(k -> messages.getMessage("outreach.channel." + k, null,
                            messages.getMessage("events.kind." + k, null, k, locale), locale)).toList()) + ")";
            return messages.getMessage("values.compliance.condition", new Object[]{
                    messages.getMessage("values.metric." + r.metric(), null, r.metric(), locale) + kinds,
                    r.comparison().sign(), Long.toString(r.threshold()),
                    r.eachMonth() ? messages.getMessage("values.compliance.eachMonth", null, "", locale) : "",
                    r.start(2024).format(dm), r.end(2024).format(dm)}, locale);
        }).toList();
    }

    /** A child's value on a criterion, as the table shows it: a share in percent or a count; null = no data. */
    private static Double rankValue(Indicator i, String g, Unit child, Map<Long, Map<String, Long>> certified,
                                    Map<Long, Map<TargetGroup, Rollups.Population>> population, ReportedValues reported,
                                    Map<String, Map<Long, Map<String, Long>>> counts) {
        if (!i.computed()) {
            ReportedValues.Value v = reported.of(child, i.code(), g, i.measure() == Indicator.Measure.SHARE);
            return v == null ? null : i.measure() == Indicator.Measure.SHARE ? v.share() : (Double) (double) v.numerator();
        }
        if (i.measure() == Indicator.Measure.COUNT) {
            Map<Long, Map<String, Long>> byUnit = counts.get(i.code());
            return byUnit == null ? null : (double) byUnit.getOrDefault(child.id(), Map.of()).getOrDefault(g, 0L);
        }
        return share(i, g, child.id(), certified, population);
    }

    private Dashboard.Kpi kpi(Indicator i, String g, Unit unit, Map<Long, Map<String, Long>> certified,
                              Map<Long, Map<TargetGroup, Rollups.Population>> population,
                              Map<String, Map<LocalDate, Long>> monthly, ReportedValues reported,
                              Optional<Target> target, LocalDate asOf, Locale locale) {
        BigDecimal t = target.map(Target::value).orElse(null);
        LocalDate deadline = target.map(Target::deadline).orElse(null);
        boolean inherited = target.map(Target::inherited).orElse(false);
        if (!i.computed()) {
            // reported figures come with the units' approved reports, not from live data
            boolean share = i.measure() == Indicator.Measure.SHARE;
            ReportedValues.Value v = reported.of(unit, i.code(), g, share);
            Double value = v == null ? null : share ? v.share() : (Double) (double) v.numerator();
            return new Dashboard.Kpi(i.code(), i.name(locale), i.measure().name(), i.source().name(), g,
                    v == null ? null : v.numerator(), v == null ? null : v.denominator(), value, t, inherited, deadline,
                    value == null ? Dashboard.Status.NO_DATA : status(value, t, null, deadline), null, List.of(),
                    v == null ? null : v.reported(), null, platform(i, g, unit, v));
        }
        if (i.measure() == Indicator.Measure.COUNT) {
            // a count target holds for each unit of its level ("each commune"): compared there only
            boolean atLevel = atLevel(unit, i.targetLevel());
            Map<String, Map<LocalDate, Long>> byGroup = rollups.monthly(i.metric(), unit.id());
            Optional<ComplianceRule> rule = countRule(i);
            long count = 0;
            for (String kind : countGroups(rule, g)) {
                for (Map.Entry<LocalDate, Long> e : byGroup.getOrDefault(kind, Map.of()).entrySet()) {
                    boolean inPeriod = i.frequency() == Indicator.Frequency.MONTH
                            ? YearMonth.from(e.getKey()).equals(YearMonth.from(asOf))
                            : e.getKey().getYear() == asOf.getYear();
                    count += inPeriod ? e.getValue() : 0;
                }
            }
            BigDecimal own = atLevel ? t : null;
            Dashboard.Status status = own == null ? Dashboard.Status.NO_TARGET
                    : rule.map(ComplianceRule::comparison).orElse(ComplianceRule.Comparison.GE).holds(count, own.longValue())
                    ? Dashboard.Status.MET : Dashboard.Status.BEHIND;
            return new Dashboard.Kpi(i.code(), i.name(locale), i.measure().name(), i.source().name(), g, null, null,
                    (double) count, own, inherited, deadline, status, null, List.of(), null, null, null);
        }
        long numerator = certified.getOrDefault(unit.id(), Map.of()).getOrDefault(g, 0L);
        long denominator = population.get(unit.id()).get(TargetGroup.valueOf(g)).value();
        Double value = denominator == 0 ? null : round(100.0 * numerator / denominator);
        List<Dashboard.Point> trend = denominator == 0 ? List.of()
                : trend(monthly.getOrDefault(g, Map.of()), denominator, asOf);
        LocalDate forecast = forecast(trend, t, asOf);
        Dashboard.Status status = value == null ? Dashboard.Status.NO_DATA : status(value, t, forecast, deadline);
        return new Dashboard.Kpi(i.code(), i.name(locale), i.measure().name(), i.source().name(), g, numerator,
                denominator, value, t, inherited, deadline, status, forecast, trend, null, null, null);
    }

    private static Dashboard.Status status(double value, BigDecimal target, LocalDate forecast, LocalDate deadline) {
        if (target == null) {
            return Dashboard.Status.NO_TARGET;
        }
        if (value >= target.doubleValue()) {
            return Dashboard.Status.MET;
        }
        return forecast != null && deadline != null && !forecast.isAfter(deadline)
                ? Dashboard.Status.ON_TRACK : Dashboard.Status.BEHIND;
    }

    /** Cumulative shares at the end of each month of the year, up to {@code asOf}. */
    static List<Dashboard.Point> trend(Map<LocalDate, Long> changes, long denominator, LocalDate asOf) {
        YearMonth first = YearMonth.of(asOf.getYear(), 1);
        YearMonth last = YearMonth.from(asOf);
        long running = 0;
        for (Map.Entry<LocalDate, Long> e : changes.entrySet()) {
            if (YearMonth.from(e.getKey()).isBefore(first)) {
                running += e.getValue();
            }
        }
        List<Dashboard.Point> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            running += changes.getOrDefault(m.atDay(1), 0L);
            out.add(new Dashboard.Point(m.atDay(1), round(100.0 * running / denominator)));
        }
        return out;
    }

    /**
     * The day the target is reached if the pace of the last months holds; null when it is met
     * already, when there is no target, or when the pace is flat (no date can honestly be given).
     */
    static LocalDate forecast(List<Dashboard.Point> trend, BigDecimal target, LocalDate asOf) {
        if (target == null || trend.isEmpty()) {
            return null;
        }
        double now = trend.getLast().value();
        double goal = target.doubleValue();
        if (now >= goal) {
            return null;
        }
        int back = Math.min(PACE_MONTHS, trend.size() - 1);
        double then = back == 0 ? 0 : trend.get(trend.size() - 1 - back).value();
        double perMonth = (now - then) / Math.max(1, back);
        if (perMonth <= 0) {
            return null;
        }
        long days = (long) Math.ceil((goal - now) / perMonth * 30.44);
        return asOf.plus(days, ChronoUnit.DAYS);
    }

    private static Double share(Indicator i, String g, long unitId, Map<Long, Map<String, Long>> certified,
                                Map<Long, Map<TargetGroup, Rollups.Population>> population) {
        if (!i.computed() || !Metrics.CERTIFIED.equals(i.metric()) || Indicator.ALL.equals(g)) {
            return null;
        }
        long d = population.get(unitId).get(TargetGroup.valueOf(g)).value();
        return d == 0 ? null : round(100.0 * certified.getOrDefault(unitId, Map.of()).getOrDefault(g, 0L) / d);
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static Dashboard.UnitRef ref(Unit u) {
        return new Dashboard.UnitRef(u.id(), u.code(), u.name(), u.type() == null ? null : u.type().name());
    }

    static boolean atLevel(Unit u, String level) {
        if (level == null) {
            return true;
        }
        return switch (level) {
            case "COMMUNE" -> u.type() == UnitType.COMMUNE || u.type() == UnitType.WARD || u.type() == UnitType.SPECIAL_ZONE;
            default -> u.type() != null && u.type().name().equals(level);
        };
    }
}

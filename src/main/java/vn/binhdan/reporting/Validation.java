package vn.binhdan.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.monitoring.Rollups;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.reporting.InvalidReport.FieldError;
import vn.binhdan.reporting.internal.ReportRepository;
import vn.binhdan.reporting.internal.rules.RuleEngine;
import vn.binhdan.reporting.internal.rules.RuleRepository;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.unit.Unit;

/**
 * Runs the validation rules over reports: one report as it is shown (every violation, the draft
 * saved anyway: a tired official must not lose typed work), one report about to be submitted
 * (errors and unexplained warnings hold it back), and every report of a period in a subtree.
 */
@Service
public class Validation {

    static final int MAX_EXPLANATION = 2000;
    static final int MAX_KEY = 130;

    private final ReportScope scope;
    private final ReportRepository reports;
    private final RuleRepository rules;
    private final RuleEngine engine;
    private final Rollups rollups;

    Validation(ReportScope scope, ReportRepository reports, RuleRepository rules, RuleEngine engine, Rollups rollups) {
        this.scope = scope;
        this.reports = reports;
        this.rules = rules;
        this.engine = engine;
        this.rollups = rollups;
    }

    /** The violations of a report as its reader sees it, each warning with the unit's explanation if any. */
    public List<Violation> check(Report report) {
        ReportForm form = scope.form(report.formCode());
        Unit unit = scope.unit(report.unitId());
        Map<String, Figure> figures = new HashMap<>();
        report.items().forEach(i -> i.figures().forEach(f -> figures.put(f.key(), f)));
        Long submission = reports.find(form.code(), unit.id(), report.period().id()).map(ReportRepository.Row::id)
                .orElse(null);
        Map<String, String> explained = submission == null ? Map.of()
                : rules.explanations(List.of(submission)).getOrDefault(submission, Map.of());
        return explain(violations(form, unit, report.period(), figures), explained);
    }

    /**
     * Refuses a submission whose typed figures break an ERROR rule or a WARNING rule the unit has
     * not explained (a computed figure is the platform's, not the unit's to correct); called by {@link Reports#submit} inside its transaction, after any explanations
     * sent with the submission are kept.
     */
    void requirePassing(ReportForm form, Unit unit, Period period, List<Figure> figures, long submissionId) {
        Map<String, Figure> byKey = new HashMap<>();
        figures.forEach(f -> byKey.put(f.key(), f));
        List<Violation> found = explain(violations(form, unit, period, byKey),
                rules.explanations(List.of(submissionId)).getOrDefault(submissionId, Map.of()));
        // the platform's own figures are shown with their violations but cannot hold a unit back: it cannot change them
        java.util.Set<String> computed = new java.util.HashSet<>();
        scope.items(form).stream().filter(Indicator::computed).forEach(i -> computed.add(i.code()));
        List<Violation> blocking = found.stream().filter(v -> !computed.contains(v.indicatorCode()))
                .filter(v -> v.error() || v.unexplained()).toList();
        if (!blocking.isEmpty()) {
            throw new RuleViolations(blocking);
        }
    }

    /**
     * Checks explanations typed for warnings; the caller keeps them with the draft. Blank ones
     * are dropped (a cleared box is no explanation).
     */
    Map<String, String> explanations(Map<String, String> typed, List<FieldError> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        typed.forEach((key, body) -> {
            String text = body == null ? "" : Reports.paragraphs(body);
            if (key == null || key.isBlank() || text.isEmpty()) {
                return;
            }
            if (key.length() > MAX_KEY) {
                errors.add(new FieldError("x-" + key.substring(0, 40), "rules.explanationKeyUnknown", key.substring(0, 40)));
            } else if (text.length() > MAX_EXPLANATION) {
                errors.add(new FieldError("x-" + key, "rules.explanationTooLong", MAX_EXPLANATION));
            } else {
                out.put(key, text);
            }
        });
        return out;
    }

    /** Keeps the draft's explanations in place of those kept before (a draft is saved whole). */
    void replaceExplanations(long submissionId, Map<String, String> explanations, String by, Instant at) {
        rules.clearExplanations(submissionId);
        rules.putExplanations(submissionId, explanations, by, at);
    }

    /** Adds explanations sent with a submission to those kept with the draft. */
    void addExplanations(long submissionId, Map<String, String> explanations, String by, Instant at) {
        rules.putExplanations(submissionId, explanations, by, at);
    }

    /** The province-wide run for the user: every violation by unit across the subtree's reports of a period. */
    public ValidationRun run(String formCode, long unitId, String periodId) {
        AppUser user = CurrentUser.require();
        ReportForm form = scope.form(formCode);
        Period period = scope.period(form, periodId);
        Unit unit = scope.readable(user, unitId);
        if (!scope.oversees(user, unit)) {
            throw new ForbiddenException("rules.runForbidden");
        }
        return evaluate(form, period, unit);
    }

    /**
     * The run itself, without access checks (the benchmark calls it): one query for every figure
     * of the period and the previous one in the subtree, one for the population, one for the
     * explanations, then the rules in memory.
     */
    public ValidationRun evaluate(ReportForm form, Period period, Unit root) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Indicator> items = scope.items(form);
        List<RuleEngine.Compiled> compiled = compiled();
        Map<Long, RuleRepository.ReportFigures> current = new LinkedHashMap<>();
        Map<Long, Map<String, Figure>> previous = new HashMap<>();
        for (RuleRepository.FigureRow r : rules.periodFigures(form.code(), period.id(), period.previous().id(),
                root.path())) {
            if (r.periodId().equals(period.id())) {
                current.computeIfAbsent(r.submissionId(), k -> new RuleRepository.ReportFigures(r, new HashMap<>()))
                        .figures().put(r.figure().key(), r.figure());
            } else {
                previous.computeIfAbsent(r.unitId(), k -> new HashMap<>()).put(r.figure().key(), r.figure());
            }
        }
        List<Long> unitIds = current.values().stream().map(f -> f.head().unitId()).distinct().toList();
        Map<Long, Map<TargetGroup, Rollups.Population>> population = unitIds.isEmpty() ? Map.of()
                : rollups.population(unitIds, period.year());
        Map<Long, Map<String, String>> explained = rules.explanations(current.keySet());
        List<ValidationRun.UnitResult> units = new ArrayList<>();
        int errors = 0;
        int warnings = 0;
        for (RuleRepository.ReportFigures rf : current.values()) {
            RuleRepository.FigureRow head = rf.head();
            Map<String, Long> registry = registry(population.getOrDefault(head.unitId(), Map.of()));
            Map<String, Figure> figures = head.status().withUnit() ? withRegistry(items, rf.figures(), registry)
                    : rf.figures();
            List<Violation> found = explain(engine.evaluate(compiled, new RuleEngine.Subject(head.unitPath(), items,
                    figures, previous.getOrDefault(head.unitId(), Map.of()), registry), locale),
                    explained.getOrDefault(head.submissionId(), Map.of()));
            if (!found.isEmpty()) {
                units.add(new ValidationRun.UnitResult(head.unitId(), head.unitCode(), head.unitName(), head.status(),
                        found));
                errors += (int) found.stream().filter(Violation::error).count();
                warnings += (int) found.stream().filter(v -> !v.error()).count();
            }
        }
        // the national list's order (shorter codes first), from the codes already read: no lookup per unit
        units.sort(java.util.Comparator.comparing((ValidationRun.UnitResult u) -> u.unitCode().length())
                .thenComparing(ValidationRun.UnitResult::unitCode));
        return new ValidationRun(form.code(), form.name(locale), root.id(), root.code(), root.name(), period,
                current.size(), errors, warnings, units);
    }

    private List<Violation> violations(ReportForm form, Unit unit, Period period, Map<String, Figure> figures) {
        Map<String, Long> registry = registry(rollups.population(List.of(unit.id()), period.year())
                .getOrDefault(unit.id(), Map.of()));
        Map<String, Figure> previous = reports.find(form.code(), unit.id(), period.previous().id())
                .filter(r -> r.status().reported())
                .map(r -> reports.figures(List.of(r.id())).getOrDefault(r.id(), Map.of())).orElse(Map.of());
        return engine.evaluate(compiled(), new RuleEngine.Subject(unit.path(), scope.items(form), figures, previous,
                registry), LocaleContextHolder.getLocale());
    }

    private List<RuleEngine.Compiled> compiled() {
        List<RuleEngine.Compiled> out = new ArrayList<>();
        for (RuleRepository.Stored s : rules.all()) {
            if (!s.rule().active()) {
                continue;
            }
            try {
                out.add(engine.compile(s.rule(), s.unitPath()));
            } catch (RuleEngine.BadRule e) {
                // an indicator removed from the catalogue after the rule was written: the rule cannot apply
            }
        }
        return out;
    }

    private static List<Violation> explain(List<Violation> found, Map<String, String> explained) {
        return found.stream().map(v -> v.error() || !explained.containsKey(v.key()) ? v
                : new Violation(v.key(), v.rule(), v.importance(), v.indicatorCode(), v.group(), v.field(), v.message(),
                        v.left(), v.right(), explained.get(v.key()))).toList();
    }

    private static Map<String, Long> registry(Map<TargetGroup, Rollups.Population> population) {
        Map<String, Long> out = new HashMap<>();
        population.forEach((g, p) -> out.put(g.name(), p.value()));
        return out;
    }

    /** A draft's share without a typed total is over the registry's population, as its page shows it. */
    private static Map<String, Figure> withRegistry(List<Indicator> items, Map<String, Figure> typed,
                                                    Map<String, Long> registry) {
        Map<String, Figure> out = new HashMap<>(typed);
        for (Indicator i : items) {
            if (i.measure() != Indicator.Measure.SHARE) {
                continue;
            }
            for (String g : i.groupKeys()) {
                Figure f = out.get(Figure.key(i.code(), g));
                if (f != null && f.denominator() == null && registry.containsKey(g)) {
                    out.put(f.key(), Figure.of(f.indicatorCode(), g, f.numerator(), f.numeratorSource(), registry.get(g),
                            Figure.Source.POPULATION, f.enteredBy(), f.enteredAt()));
                }
            }
        }
        return out;
    }
}

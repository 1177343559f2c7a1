package vn.binhdan.reporting.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.monitoring.Rollups;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.reporting.Figure;
import vn.binhdan.reporting.Period;
import vn.binhdan.reporting.ReportForm;
import vn.binhdan.reporting.ReportStatus;
import vn.binhdan.unit.Unit;

/**
 * The figures of a report as they stand now, for a unit still drafting it and for the snapshot
 * taken when it is submitted.
 *
 * <ul>
 * <li>Computed items read monitoring's monthly values of the unit (its whole subtree): a share's
 *     numerator counts everything up to the period's end (a person certified last year is still
 *     certified); a count is what happened within the period for monthly indicators ("posts a
 *     month") and since the start of the year for yearly ones ("classes this year").</li>
 * <li>A share's denominator is the unit's population of the group for the period's year
 *     ({@link Rollups#population}: the registry count, or the unit's declared official figure),
 *     unless the report declares its own.</li>
 * <li>Reported items take what the officer typed; a unit with reporting children that typed
 *     nothing gets the sum of its children's approved reports, numerator and denominator
 *     together.</li>
 * </ul>
 */
@Component
public class LiveFigures {

    private final Rollups rollups;
    private final ReportRepository reports;

    LiveFigures(Rollups rollups, ReportRepository reports) {
        this.rollups = rollups;
        this.reports = reports;
    }

    public List<Figure> resolve(ReportForm form, List<Indicator> items, Unit unit, Period period,
                                Map<String, ReportRepository.Declared> declared, List<Unit> reportingChildren) {
        Map<String, Figure> consolidated = items.stream().anyMatch(i -> !i.computed()) && !reportingChildren.isEmpty()
                ? consolidate(form, items, period, reportingChildren) : Map.of();
        Map<TargetGroup, Rollups.Population> population = items.stream().anyMatch(i -> i.measure() == Indicator.Measure.SHARE)
                ? rollups.population(List.of(unit.id()), period.year()).getOrDefault(unit.id(), Map.of()) : Map.of();
        List<Figure> out = new ArrayList<>();
        for (Indicator i : items) {
            boolean share = i.measure() == Indicator.Measure.SHARE;
            Map<String, Map<LocalDate, Long>> monthly = i.computed() && i.metric() != null
                    ? rollups.monthly(i.metric(), unit.id()) : Map.of();
            for (String g : i.groupKeys()) {
                Long registry = share ? population(population, g) : null;
                if (i.computed()) {
                    Long value = i.metric() == null ? null : computed(i, period, monthly.getOrDefault(g, Map.of()));
                    out.add(Figure.of(i.code(), g, value, Figure.Source.COMPUTED, registry, Figure.Source.POPULATION,
                            null, null));
                    continue;
                }
                ReportRepository.Declared typed = declared.get(Figure.key(i.code(), g));
                Figure below = consolidated.get(Figure.key(i.code(), g));
                Long numerator;
                Figure.Source numeratorSource;
                if (typed != null && typed.numerator() != null) {
                    numerator = typed.numerator();
                    numeratorSource = Figure.Source.DECLARED;
                } else if (below != null && below.numerator() != null) {
                    numerator = below.numerator();
                    numeratorSource = Figure.Source.CONSOLIDATED;
                } else {
                    numerator = null;
                    numeratorSource = null;
                }
                Long denominator = null;
                Figure.Source denominatorSource = null;
                if (share) {
                    if (typed != null && typed.denominator() != null) {
                        denominator = typed.denominator();
                        denominatorSource = Figure.Source.DECLARED;
                    } else if (numeratorSource == Figure.Source.CONSOLIDATED) {
                        // the children's numerators over their own denominators, never over the whole unit's
                        denominator = below.denominator();
                        denominatorSource = Figure.Source.CONSOLIDATED;
                    } else {
                        denominator = registry;
                        denominatorSource = Figure.Source.POPULATION;
                    }
                }
                out.add(Figure.of(i.code(), g, numerator, numeratorSource, denominator, denominatorSource,
                        typed == null ? null : typed.enteredBy(), typed == null ? null : typed.enteredAt()));
            }
        }
        return out;
    }

    /** The sums of the children's approved reports, per indicator and group. */
    Map<String, Figure> consolidate(ReportForm form, List<Indicator> items, Period period, List<Unit> children) {
        Map<Long, ReportRepository.Row> rows = reports.ofUnits(form.code(), period.id(),
                children.stream().map(Unit::id).toList());
        List<Long> approved = rows.values().stream().filter(r -> r.status() == ReportStatus.APPROVED)
                .map(ReportRepository.Row::id).toList();
        Map<Long, Map<String, Figure>> figures = reports.figures(approved);
        Map<String, Figure> out = new HashMap<>();
        for (Indicator i : items) {
            for (String g : i.groupKeys()) {
                String key = Figure.key(i.code(), g);
                out.put(key, Summing.sum(i.code(), g, i.measure() == Indicator.Measure.SHARE,
                        figures.values().stream().map(f -> f.get(key)).toList()));
            }
        }
        return out;
    }

    private static Long population(Map<TargetGroup, Rollups.Population> population, String group) {
        if (Indicator.ALL.equals(group)) {
            return null;
        }
        Rollups.Population p = population.get(TargetGroup.valueOf(group));
        return p == null ? 0L : p.value();
    }

    static long computed(Indicator i, Period period, Map<LocalDate, Long> byMonth) {
        LocalDate from;
        if (i.measure() == Indicator.Measure.SHARE) {
            from = LocalDate.MIN;
        } else if (i.frequency() == Indicator.Frequency.MONTH) {
            from = period.start();
        } else {
            from = period.end().withDayOfYear(1);
        }
        long sum = 0;
        for (Map.Entry<LocalDate, Long> e : byMonth.entrySet()) {
            if (!e.getKey().isBefore(from) && !e.getKey().isAfter(period.end())) {
                sum += e.getValue();
            }
        }
        return sum;
    }
}

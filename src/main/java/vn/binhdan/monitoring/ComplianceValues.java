package vn.binhdan.monitoring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.binhdan.campaign.ComplianceRule;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.monitoring.internal.RollupRepository;
import vn.binhdan.unit.Unit;

/**
 * Which units of a compliance indicator's level meet all its conditions as of a day, read from
 * the monthly live values with one grouped query per condition.
 */
final class ComplianceValues {

    /** A unit and whether it meets the rule; {@code values}: per condition, the window's count or the weakest month's. */
    record Result(Unit unit, boolean met, List<Long> values) {
    }

    private ComplianceValues() {
    }

    static List<Result> evaluate(List<ComplianceRule> rules, List<Unit> units, int year, LocalDate asOf,
                                 RollupRepository repo) {
        List<Long> ids = units.stream().map(Unit::id).toList();
        List<List<Long>> perCondition = new ArrayList<>();
        List<boolean[]> holds = new ArrayList<>();
        for (ComplianceRule r : rules) {
            LocalDate from = r.start(year);
            LocalDate to = r.end(year).isAfter(asOf) ? asOf : r.end(year);
            List<Long> values = new ArrayList<>();
            boolean[] ok = new boolean[units.size()];
            if (to.isBefore(from)) {
                // the window has not begun: nothing can have been met yet
                units.forEach(u -> values.add(0L));
            } else {
                List<String> groups = r.kinds().isEmpty() ? List.of(Indicator.ALL) : r.kinds();
                Map<Long, Map<LocalDate, Long>> byUnit = ids.isEmpty() ? Map.of()
                        : repo.monthlyByUnit(r.metric(), groups, ids, from, to);
                List<YearMonth> months = months(from, to, r.end(year));
                for (int k = 0; k < units.size(); k++) {
                    Map<LocalDate, Long> m = byUnit.getOrDefault(units.get(k).id(), Map.of());
                    if (r.eachMonth()) {
                        long weakest = Long.MAX_VALUE;
                        for (YearMonth ym : months) {
                            weakest = Math.min(weakest, m.getOrDefault(ym.atDay(1), 0L));
                        }
                        values.add(weakest);
                        ok[k] = r.comparison().holds(weakest, r.threshold());
                    } else {
                        long sum = m.values().stream().mapToLong(Long::longValue).sum();
                        values.add(sum);
                        ok[k] = r.comparison().holds(sum, r.threshold());
                    }
                }
            }
            perCondition.add(values);
            holds.add(ok);
        }
        List<Result> out = new ArrayList<>();
        for (int k = 0; k < units.size(); k++) {
            boolean met = true;
            List<Long> values = new ArrayList<>();
            for (int c = 0; c < rules.size(); c++) {
                met &= holds.get(c)[k];
                values.add(perCondition.get(c).get(k));
            }
            out.add(new Result(units.get(k), met && !rules.isEmpty(), values));
        }
        return out;
    }

    /**
     * The months judged by a rule that must hold every month: those of the window already over
     * ("each month so far"); a month still under way counts only while it is the first.
     */
    static List<YearMonth> months(LocalDate from, LocalDate to, LocalDate windowEnd) {
        List<YearMonth> out = new ArrayList<>();
        YearMonth last = YearMonth.from(to);
        boolean lastComplete = !to.isBefore(last.atEndOfMonth()) || !to.isBefore(windowEnd);
        for (YearMonth m = YearMonth.from(from); !m.isAfter(last); m = m.plusMonths(1)) {
            if (m.equals(last) && !lastComplete && !out.isEmpty()) {
                break;
            }
            out.add(m);
        }
        return out;
    }
}

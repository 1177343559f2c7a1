package vn.binhdan.monitoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.binhdan.monitoring.internal.ReportedRepository.Row;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitType;

/**
 * The reported value of any unit of a subtree for one year: its own approved figure where it has
 * one (it wins over its units below), else the sum of the approved communes' numerators and
 * denominators beneath it, with how many of its communes that covers.
 */
final class ReportedValues {

    /** A unit's value; {@code share} null when the denominator is zero or absent. */
    record Value(long numerator, Long denominator, Double share, Dashboard.Reported reported) {
    }

    private final Map<String, Row> own = new HashMap<>();
    private final Map<String, long[]> below = new HashMap<>();
    private final Map<String, Row> latestBelow = new HashMap<>();
    private final Map<Long, Integer> communes = new HashMap<>();

    ReportedValues(List<Row> rows, List<Unit> subtree) {
        for (Unit u : subtree) {
            if (u.active() && communeLevel(u.type())) {
                u.ancestorIds().forEach(a -> communes.merge(a, 1, Integer::sum));
            }
        }
        for (Row r : rows) {
            own.put(key(r.unitId(), r.indicatorCode(), r.group()), r);
            if (!r.communeLevel()) {
                continue;
            }
            for (String id : r.unitPath().split("/")) {
                if (id.isEmpty() || Long.parseLong(id) == r.unitId()) {
                    continue;
                }
                String k = key(Long.parseLong(id), r.indicatorCode(), r.group());
                long[] sum = below.computeIfAbsent(k, x -> new long[3]);
                sum[0] += r.numerator();
                sum[1] += r.denominator() == null ? 0 : r.denominator();
                sum[2]++;
                latestBelow.merge(k, r, (a, b) -> b.periodEnd().isAfter(a.periodEnd())
                        || (b.periodEnd().equals(a.periodEnd()) && b.approvedAt().isAfter(a.approvedAt())) ? b : a);
            }
        }
    }

    Value of(Unit unit, String indicator, String group, boolean share) {
        Row r = own.get(key(unit.id(), indicator, group));
        if (r != null) {
            return new Value(r.numerator(), share ? r.denominator() : null, share ? share(r.numerator(), r.denominator()) : null,
                    new Dashboard.Reported(Dashboard.Basis.OWN, r.periodId(), r.approvedBy(), r.approvedAt(),
                            "/reports/" + r.formCode() + "/" + r.unitId() + "/" + r.periodId(), null, null));
        }
        String k = key(unit.id(), indicator, group);
        long[] sum = below.get(k);
        if (sum == null) {
            return null;
        }
        Row latest = latestBelow.get(k);
        return new Value(sum[0], share ? sum[1] : null, share ? share(sum[0], sum[1]) : null,
                new Dashboard.Reported(Dashboard.Basis.UNITS_BELOW, latest.periodId(), null, latest.approvedAt(),
                        "/reports/" + latest.formCode() + "/" + unit.id() + "/" + latest.periodId() + "/consolidated",
                        (int) sum[2], communes.getOrDefault(unit.id(), 0)));
    }

    private static Double share(long numerator, Long denominator) {
        return denominator == null || denominator <= 0 ? null : Dashboards.round(100.0 * numerator / denominator);
    }

    static boolean communeLevel(UnitType t) {
        return t == UnitType.COMMUNE || t == UnitType.WARD || t == UnitType.SPECIAL_ZONE;
    }

    private static String key(long unitId, String indicator, String group) {
        return unitId + "/" + indicator + "/" + group;
    }
}

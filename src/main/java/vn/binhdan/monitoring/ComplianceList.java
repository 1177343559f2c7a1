package vn.binhdan.monitoring;

import java.util.List;

/**
 * A compliance indicator at one unit for one year: how many units of its level beneath meet every
 * condition, and those that do not, each with its count per condition (for a rule that must hold
 * every month, its weakest month's).
 */
public record ComplianceList(Dashboard.UnitRef unit, int year, String indicator, String name, String level,
                             List<String> conditions, int met, int of, List<Failing> failing) {

    public record Failing(Dashboard.UnitRef unit, List<Long> values) {
    }
}

package vn.binhdan.reporting;

import java.util.List;

/**
 * The rules run over every report of a period in a unit's subtree: submitted and approved
 * reports as frozen, drafts on their typed figures (computed ones are not frozen yet). Only units
 * with a violation are listed; {@code reportsChecked} says how many reports were looked at.
 */
public record ValidationRun(String formCode, String formName, long unitId, String unitCode, String unitName,
                            Period period, int reportsChecked, int errors, int warnings, List<UnitResult> units) {

    public record UnitResult(long unitId, String unitCode, String unitName, ReportStatus status,
                             List<Violation> violations) {
    }
}

/**
 * Periodic reports to the level above: report forms as data (indicators of the catalogue plus
 * free-text sections), periods and due dates, one submission per form, unit and period with
 * approval by the level above, completeness and timeliness, reminders, and the consolidation of
 * approved reports with its XLSX export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Báo cáo định kỳ",
        allowedDependencies = {"campaign", "monitoring", "unit", "people", "shared", "audit"})
package vn.binhdan.reporting;

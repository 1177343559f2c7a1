package vn.binhdan.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.binhdan.campaign.Indicator;

/**
 * The consolidated report of a unit for a period: the approved reports of its reporting children
 * summed. Counts, numerators and denominators are added up and every share is worked out again
 * from the sums, never averaged; texts are gathered per section under each child's name.
 *
 * <p>A plain model for every renderer: the XLSX export draws it as it is, and the administrative
 * report (DOCX/PDF) maps the same record. {@code columns} fixes the order of the figures: each
 * child's {@code figures} and the {@code totals} hold one figure per column, in that order.
 * {@code budget} is the funding of the unit's subtree (kinh phí), spent up to the period's end.
 */
public record Consolidated(String formCode, String formName, long unitId, String unitCode, String unitName,
                           Period period, LocalDate dueOn, Instant generatedAt, List<Column> columns,
                           List<ChildRow> children, List<Figure> totals, int approvedCount, List<SectionTexts> sections,
                           vn.binhdan.campaign.BudgetSummary budget) {

    /** One indicator and target group ({@code ALL} without a breakdown). */
    public record Column(String indicatorCode, String indicatorName, Indicator.Measure measure,
                         Indicator.Source source, String group) {

        public boolean share() {
            return measure == Indicator.Measure.SHARE;
        }
    }

    /** A child unit; its figures are empty-valued unless its report is approved ({@code included}). */
    public record ChildRow(long unitId, String unitCode, String unitName, ReportStatus status, boolean included,
                           Instant submittedAt, boolean late, List<Figure> figures) {
    }

    public record SectionTexts(ReportForm.Section section, List<UnitText> texts) {

        /** The section as one text: each unit's name as a heading line, then its text. */
        public String joined() {
            return texts.stream().map(t -> t.unitName() + "\n" + t.body()).collect(java.util.stream.Collectors.joining("\n\n"));
        }
    }

    /** A child's text under its name, the heading the consolidated report shows it with. */
    public record UnitText(String unitName, String body) {
    }
}

package vn.binhdan.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * What an uploaded task table was read as. Nothing is applied unless {@code errors} is empty and
 * it was not a preview: the table is applied whole or not at all.
 */
public record PlanImportResult(boolean applied, int sections, int tasks, List<RowError> errors, List<Row> rows,
                               List<String> unmatched) {

    public PlanImportResult {
        errors = List.copyOf(errors);
        rows = List.copyOf(rows);
        unmatched = List.copyOf(unmatched);
    }

    /** An error of one row, in Vietnamese; row 0 is the file as a whole. */
    public record RowError(long row, String message) {
    }

    /** One row as read: a section heading or a task. */
    public record Row(long row, boolean section, String number, String content, List<Name> leads,
                      List<Name> coordinating, String dueText, PlanDueKind dueKind, LocalDate dueDate,
                      List<String> indicatorCodes) {
    }

    /** A unit name and what it matched (a unit's name, a collective, or null). */
    public record Name(String text, String matchedUnit, PlanCollective collective) {

        public boolean matched() {
            return matchedUnit != null || collective != null;
        }
    }
}

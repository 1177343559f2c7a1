package vn.binhdan.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.binhdan.campaign.Indicator;

/**
 * One unit's report for one period as its reader sees it. While the report is with the unit
 * ({@code live}) computed figures are read from monitoring each time; once submitted, every
 * figure is the one frozen at submission. {@code consolidates}: the unit has units below that file
 * the form; {@code started}: the period has begun, so the report can be written. {@code can} says
 * what the reader may do with it now.
 */
public record Report(String formCode, String formName, long unitId, String unitCode, String unitName, Period period,
                     LocalDate dueOn, ReportStatus status, boolean live, boolean late, String submittedBy,
                     Instant submittedAt, Instant firstSubmittedAt, String decidedBy, Instant decidedAt,
                     String returnComment, List<Item> items, List<Text> texts, List<Event> history,
                     List<Reminder> reminders, boolean consolidates, boolean started, Permissions can) {

    /** An indicator of the form with its figures, one per target group (or one for {@code ALL}). */
    public record Item(String indicatorCode, String name, Indicator.Measure measure, Indicator.Source source,
                       boolean byGroup, List<Figure> figures) {

        public boolean computed() {
            return source == Indicator.Source.COMPUTED;
        }

        public boolean share() {
            return measure == Indicator.Measure.SHARE;
        }
    }

    public record Text(ReportForm.Section section, String body, String enteredBy, Instant enteredAt) {
    }

    /** Submitted, returned (with the comment) or approved, by whom and when. */
    public record Event(String action, String actor, Instant at, String comment) {
    }

    /** A reminder the level above recorded because the unit had not reported. */
    public record Reminder(String fromUnitName, String sentBy, Instant sentAt) {
    }

    public record Permissions(boolean edit, boolean submit, boolean approve) {
    }
}

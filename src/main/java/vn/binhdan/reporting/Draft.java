package vn.binhdan.reporting;

import java.util.List;
import java.util.Map;

/**
 * A report's content as a unit saves it (PUT replaces the whole draft): the figures typed into
 * reported items, and the text of each section. A figure left out, or with both values null, is
 * not typed, so the prefilled value applies; a section left out or blank is empty.
 * {@code explanations}: why a figure a warning questions is right, by the warning's key
 * ({@link Violation#key()}); the draft's set replaces the one kept before.
 */
public record Draft(List<Entry> figures, Map<ReportForm.Section, String> texts, Map<String, String> explanations) {

    /** {@code group} is a target group, or {@code ALL} (or nothing) for an indicator without a breakdown. */
    public record Entry(String indicator, String group, Long numerator, Long denominator) {
    }

    public Draft {
        figures = figures == null ? List.of() : figures;
        texts = texts == null ? Map.of() : texts;
        explanations = explanations == null ? Map.of() : explanations;
    }

    public Draft(List<Entry> figures, Map<ReportForm.Section, String> texts) {
        this(figures, texts, Map.of());
    }
}

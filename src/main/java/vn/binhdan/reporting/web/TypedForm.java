package vn.binhdan.reporting.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;
import vn.binhdan.reporting.Draft;
import vn.binhdan.reporting.InvalidReport;
import vn.binhdan.reporting.InvalidReport.FieldError;
import vn.binhdan.reporting.Report;
import vn.binhdan.reporting.ReportForm;

/**
 * The report page's form as posted: its fields named by the page's field ids ({@code n-CODE-GROUP},
 * {@code d-CODE-GROUP}, {@code t-SECTION}). What was typed is kept as typed, so a refused form
 * comes back with the officer's text in place, not a reformatted or emptied field.
 */
record TypedForm(Map<String, String> typed, Draft draft, List<FieldError> errors) {

    /** Whole numbers, bare or with Vietnamese thousands dots (1.250); a sign so negatives get their own message. */
    private static final Pattern WHOLE = Pattern.compile("-?(\\d+|\\d{1,3}(\\.\\d{3})+)");

    static TypedForm read(MultiValueMap<String, String> params, Report report) {
        Map<String, String> typed = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        List<Draft.Entry> entries = new ArrayList<>();
        for (Report.Item item : report.items()) {
            if (item.computed()) {
                continue;
            }
            for (var f : item.figures()) {
                String num = InvalidReport.numeratorField(item.indicatorCode(), f.group());
                String den = InvalidReport.denominatorField(item.indicatorCode(), f.group());
                Long n = number(params.getFirst(num), num, item.name(), typed, errors);
                Long d = item.share() ? number(params.getFirst(den), den, item.name(), typed, errors) : null;
                entries.add(new Draft.Entry(item.indicatorCode(), f.group(), n, d));
            }
        }
        // a figure posted for a computed item is a figure typed where none belongs: let the rules say so
        for (Report.Item item : report.items()) {
            if (!item.computed()) {
                continue;
            }
            for (var f : item.figures()) {
                String num = InvalidReport.numeratorField(item.indicatorCode(), f.group());
                Long n = number(params.getFirst(num), num, item.name(), typed, errors);
                if (n != null) {
                    entries.add(new Draft.Entry(item.indicatorCode(), f.group(), n, null));
                }
            }
        }
        Map<ReportForm.Section, String> texts = new EnumMap<>(ReportForm.Section.class);
        for (Report.Text t : report.texts()) {
            String field = InvalidReport.textField(t.section());
            String value = params.getFirst(field);
            typed.put(field, value == null ? "" : value);
            texts.put(t.section(), value);
        }
        return new TypedForm(typed, new Draft(entries, texts), errors);
    }

    private static Long number(String raw, String field, String name, Map<String, String> typed, List<FieldError> errors) {
        String v = raw == null ? "" : raw.strip().replace(" ", "");
        typed.put(field, raw == null ? "" : raw);
        if (v.isEmpty()) {
            return null;
        }
        if (!WHOLE.matcher(v).matches()) {
            errors.add(new FieldError(field, "report.notWholeNumber", name));
            return null;
        }
        try {
            return Long.parseLong(v.replace(".", "").toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "report.notWholeNumber", name));
            return null;
        }
    }
}

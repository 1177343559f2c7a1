package vn.binhdan.reporting;

import java.util.List;
import vn.binhdan.shared.BusinessException;

/**
 * Refused input, with every refused field at once so that a form can show each error beside its
 * field. Field ids are the report page's: {@code n-CODE-GROUP} for a count or numerator,
 * {@code d-CODE-GROUP} for a denominator, {@code t-SECTION} for a text.
 */
public class InvalidReport extends BusinessException {

    public record FieldError(String field, String messageKey, Object... args) {
    }

    private final transient List<FieldError> errors;

    public InvalidReport(List<FieldError> errors) {
        super(errors.getFirst().messageKey(), errors.getFirst().args());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public static String numeratorField(String indicator, String group) {
        return "n-" + indicator + "-" + group;
    }

    public static String denominatorField(String indicator, String group) {
        return "d-" + indicator + "-" + group;
    }

    public static String textField(ReportForm.Section section) {
        return "t-" + section;
    }
}

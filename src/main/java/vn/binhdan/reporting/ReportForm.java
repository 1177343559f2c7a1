package vn.binhdan.reporting;

import java.util.List;
import java.util.Locale;
import vn.binhdan.unit.UnitType;

/**
 * A report form: the indicators it carries (in order), the free-text sections it asks for, the
 * kind of period it is filed for and when, and which kinds of unit file it.
 */
public record ReportForm(String code, String nameVi, String nameEn, Period.Type periodType, DueRule dueRule,
                         List<UnitType> reporters, List<String> indicatorCodes, List<Section> sections) {

    /** The free-text parts of a report, in the order the plans ask for them. */
    public enum Section { RESULTS, GOOD_MODELS, DIFFICULTIES, PROPOSALS }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }

    public boolean filedBy(UnitType type) {
        return reporters.contains(type);
    }
}

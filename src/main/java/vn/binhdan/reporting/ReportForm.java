package vn.binhdan.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.binhdan.unit.UnitType;

/**
 * A report form as of one version: the indicators it carries (in order), the free-text sections
 * it asks for, the kind of period it is filed for and when, and which kinds of unit file it.
 *
 * <p>{@code dueRule} applies to every reporting level unless {@code levelDueRules} names another
 * for the unit's type: in Khánh Hòa communes report before the 15th of the quarter's last month
 * while the Department reports to the People's Committee before the 30th. {@code reminderDays}:
 * how many days before the due date the units still behind are reminded (e.g. 7 and 1).
 * {@code ownerCode}: the official code of the unit (a province) that set the form up, whose units
 * alone file it; null for a form of the whole platform.
 */
public record ReportForm(String code, int version, String ownerCode, String nameVi, String nameEn,
                         Period.Type periodType, DueRule dueRule, Map<UnitType, DueRule> levelDueRules,
                         List<UnitType> reporters, List<String> indicatorCodes, List<Section> sections,
                         List<Integer> reminderDays) {

    /** The free-text parts of a report, in the order the plans ask for them. */
    public enum Section { RESULTS, GOOD_MODELS, DIFFICULTIES, PROPOSALS }

    public ReportForm {
        levelDueRules = levelDueRules == null ? Map.of() : Map.copyOf(levelDueRules);
        reminderDays = reminderDays == null ? List.of() : List.copyOf(reminderDays);
    }

    /** A national form as the first version knew it: one due rule for every level, no reminders. */
    public ReportForm(String code, String nameVi, String nameEn, Period.Type periodType, DueRule dueRule,
                      List<UnitType> reporters, List<String> indicatorCodes, List<Section> sections) {
        this(code, 1, null, nameVi, nameEn, periodType, dueRule, Map.of(), reporters, indicatorCodes, sections, List.of());
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }

    public boolean filedBy(UnitType type) {
        return reporters.contains(type);
    }

    /** The rule for units of the type: their level's own, or the form's. */
    public DueRule dueRule(UnitType type) {
        return type == null ? dueRule : levelDueRules.getOrDefault(type, dueRule);
    }

    public LocalDate dueOn(Period period, UnitType type) {
        return dueRule(type).dueOn(period);
    }
}

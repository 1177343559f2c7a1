package vn.binhdan.campaign;

import java.util.List;
import java.util.Locale;
import vn.binhdan.people.TargetGroup;

/**
 * One indicator of the plans. A share is a percentage of a target group's population; a count
 * is a number of things done, with its target set for each unit of {@code targetLevel}
 * ("each commune holds five classes").
 */
public record Indicator(String code, String nameVi, String nameEn, Measure measure, Source source, String metric,
                        List<TargetGroup> groups, String targetLevel, Frequency frequency, int sortOrder) {

    /** The group key of an indicator without a breakdown. */
    public static final String ALL = "ALL";

    public enum Measure { SHARE, COUNT }

    /**
     * Where values come from: the platform's records, the units' approved reports, or a count of
     * the units of {@code targetLevel} that meet per-unit rules ({@link ComplianceRule}).
     */
    public enum Source { COMPUTED, REPORTED, COMPLIANCE }

    public enum Frequency { YEAR, MONTH }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }

    public boolean computed() {
        return source == Source.COMPUTED;
    }

    public boolean compliance() {
        return source == Source.COMPLIANCE;
    }

    /** The group keys its values and targets are kept under: the groups, or {@link #ALL}. */
    public List<String> groupKeys() {
        return groups.isEmpty() ? List.of(ALL) : groups.stream().map(Enum::name).toList();
    }
}

package vn.binhdan.skills;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.LocalizedText;

/** One published version of the skills framework. */
public record Framework(String version, LocalizedText title, LocalizedText basis, List<Area> areas,
                        boolean current, Instant publishedAt, String publishedBy) {

    public record Area(String code, LocalizedText title, List<Competency> competencies) {
    }

    public record Competency(String code, LocalizedText title, LocalizedText description,
                             Set<TargetGroup> targetGroups, List<Outcome> outcomes) {

        public boolean isFor(TargetGroup group) {
            return targetGroups.contains(group);
        }
    }

    public record Outcome(String code, LocalizedText text, Set<TargetGroup> targetGroups) {
    }

    /** Codes such as "1.2" and "1.10" in their natural order (numbers compared as numbers). */
    public static final java.util.Comparator<String> CODE_ORDER = (a, b) -> {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].length() != y[i].length() && x[i].chars().allMatch(Character::isDigit)
                    && y[i].chars().allMatch(Character::isDigit)
                    ? Integer.compare(x[i].length(), y[i].length()) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    };

    public List<Competency> competencies() {
        return areas.stream().flatMap(a -> a.competencies().stream()).toList();
    }

    public Optional<Competency> competency(String code) {
        return competencies().stream().filter(c -> c.code().equals(code)).findFirst();
    }
}

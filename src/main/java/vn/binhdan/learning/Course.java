package vn.binhdan.learning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.LocalizedText;

/** A course with its outline (modules and lesson titles, no lesson bodies). */
public record Course(long id, String code, String language, LocalizedText title, LocalizedText summary,
                     Set<TargetGroup> targetGroups, boolean sequential, String frameworkVersion,
                     CourseStatus status, Instant updatedAt, List<Module> modules) {

    public record Module(long id, int position, LocalizedText title, List<LessonRef> lessons) {
    }

    /** A lesson as listed in the outline. */
    public record LessonRef(long id, String code, int position, LocalizedText title, int minutes,
                            List<String> competencies, boolean hasChecks) {
    }

    public List<LessonRef> lessons() {
        return modules.stream().flatMap(m -> m.lessons().stream()).toList();
    }

    public Optional<LessonRef> lesson(String code) {
        return lessons().stream().filter(l -> l.code().equals(code)).findFirst();
    }

    public int minutes() {
        return lessons().stream().mapToInt(LessonRef::minutes).sum();
    }

    public boolean published() {
        return status == CourseStatus.PUBLISHED;
    }

    public boolean isFor(Set<TargetGroup> groups) {
        return groups.stream().anyMatch(targetGroups::contains);
    }
}

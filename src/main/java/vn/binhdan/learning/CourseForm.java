package vn.binhdan.learning;

import java.util.Set;
import vn.binhdan.people.TargetGroup;

/** What an author edits about a course in the browser. */
public record CourseForm(String code, String titleVi, String titleEn, String summaryVi, String summaryEn,
                         Set<TargetGroup> targetGroups, boolean sequential) {
}

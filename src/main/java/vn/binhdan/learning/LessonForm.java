package vn.binhdan.learning;

import java.util.List;

/** What an author edits about a lesson; {@code checks} is the plain-text question format. */
public record LessonForm(String code, String titleVi, String titleEn, Integer minutes, List<String> competencies,
                         String body, String videoUrl, String transcript, String checks) {
}

package vn.binhdan.learning.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.binhdan.learning.Check;
import vn.binhdan.learning.Lesson;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.LocalizedText;

/** A whole course as read from a package, checked and sanitised, ready to store in one go. */
public record CourseContent(String code, String language, LocalizedText title, LocalizedText summary,
                            Set<TargetGroup> targetGroups, boolean sequential, String frameworkVersion,
                            List<ModuleContent> modules, Map<String, Media> media) {

    public record ModuleContent(LocalizedText title, List<LessonContent> lessons) {
    }

    public record LessonContent(String code, LocalizedText title, int minutes, List<String> competencies,
                                String body, String videoUrl, String transcript, String pdfPath, List<Check> checks,
                                Map<String, Lesson.Translation> translations, String asked) {
    }

    public record Media(String path, String contentType, byte[] bytes) {
    }
}

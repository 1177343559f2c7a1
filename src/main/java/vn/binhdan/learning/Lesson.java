package vn.binhdan.learning;

import java.util.List;
import java.util.Map;
import vn.binhdan.shared.LocalizedText;

/**
 * A lesson's full content. {@code body} is sanitised HTML; {@code translations} are versions in
 * other languages (language code → title and body); {@code asked} the questions learners ask that
 * the lesson's parts answer, one per line as the part's heading, a tab and the question (null: none).
 */
public record Lesson(long id, long courseId, long moduleId, int position, String code, LocalizedText title,
                     int minutes, List<String> competencies, String body, String videoUrl, String transcript,
                     String pdfPath, List<Check> checks, Map<String, Translation> translations, String asked) {

    public record Translation(String title, String body) {
    }
}

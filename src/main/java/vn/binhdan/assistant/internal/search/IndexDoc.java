package vn.binhdan.assistant.internal.search;

/**
 * One searchable item. {@code kind} is LESSON, COURSE or MODULE; {@code text} is plain text with
 * one block (paragraph, list item, heading) per line, so answers can be cut into sentences
 * without parsing HTML again. {@code outline} is the same blocks, each line prefixed with what it
 * was ({@link IndexContent#outline}), so that an answer can be one section of the lesson with its
 * steps still numbered; null where there is no structure (courses, modules, generated text).
 * {@code asked} is the lesson's asked questions ({@link AskedQuestions}): a part's heading, a tab and
 * a question a learner asks that the part answers, one per line; null where the author gave none.
 */
public record IndexDoc(String kind, String courseCode, String lessonCode, String title, String context,
                       String text, String url, String outline, String asked) {

    public IndexDoc(String kind, String courseCode, String lessonCode, String title, String context, String text,
                    String url, String outline) {
        this(kind, courseCode, lessonCode, title, context, text, url, outline, null);
    }

    public IndexDoc(String kind, String courseCode, String lessonCode, String title, String context, String text,
                    String url) {
        this(kind, courseCode, lessonCode, title, context, text, url, null);
    }
}

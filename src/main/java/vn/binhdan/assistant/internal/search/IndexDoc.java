package vn.binhdan.assistant.internal.search;

/**
 * One searchable item. {@code kind} is LESSON, COURSE or MODULE; {@code text} is plain text with
 * one block (paragraph, list item, heading) per line, so answers can be cut into sentences
 * without parsing HTML again.
 */
public record IndexDoc(String kind, String courseCode, String lessonCode, String title, String context,
                       String text, String url) {
}

package vn.binhdan.assistant;

/**
 * One search result. {@code snippet} is HTML: the text is escaped and only the matched words are
 * wrapped in {@code <mark>}. {@code context} names the course (and module) it belongs to.
 */
public record SearchHit(String kind, String title, String context, String url, String courseCode,
                        String lessonCode, String snippet, double score) {
}

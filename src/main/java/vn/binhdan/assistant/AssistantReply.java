package vn.binhdan.assistant;

import java.util.List;

/**
 * What the assistant says. {@code status}: ANSWERED (the answer is sentences taken from the cited
 * lessons), NOT_FOUND (nothing relevant enough; {@code closest} are the nearest lessons),
 * REFUSED (empty question) or PAUSED (the learner is taking an exam). {@code generated}: the answer
 * was written by the configured model from the cited lessons rather than taken from them word for
 * word, which the page tells the learner.
 */
public record AssistantReply(String status, String message, String answer, List<Citation> citations,
                             List<SearchHit> closest, String question, boolean generated) {

    public record Citation(String title, String context, String url, String courseCode, String lessonCode) {
    }

    /** The answer's lines: a paragraph, a numbered step or a list item each, as the lesson had them. */
    public List<String> answerLines() {
        return answer == null ? List.of() : List.of(answer.split("\n"));
    }

    /**
     * A line that introduces a part of the answer (a lesson's heading, "Báo cho ai?", "Khi bị mất điện
     * thoại:"), shown as a small heading so that a second part reads as one.
     */
    public boolean isHeading(String line) {
        return !line.startsWith("•") && !line.matches("\\d+\\. .*") && (line.endsWith(":") || line.endsWith("?"))
                && line.split("\\s+").length <= 12;
    }

    public boolean answered() {
        return "ANSWERED".equals(status);
    }
}

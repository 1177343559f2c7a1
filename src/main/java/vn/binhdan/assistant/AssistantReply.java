package vn.binhdan.assistant;

import java.util.List;

/**
 * What the assistant says. {@code status}: ANSWERED (the answer is sentences taken from the cited
 * lessons), NOT_FOUND (nothing relevant enough; {@code closest} are the nearest lessons),
 * REFUSED (empty question) or PAUSED (the learner is taking an exam).
 */
public record AssistantReply(String status, String message, String answer, List<Citation> citations,
                             List<SearchHit> closest, String question) {

    public record Citation(String title, String context, String url, String courseCode, String lessonCode) {
    }

    public boolean answered() {
        return "ANSWERED".equals(status);
    }
}

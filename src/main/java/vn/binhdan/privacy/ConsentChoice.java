package vn.binhdan.privacy;

import java.util.Map;

/**
 * @param noticeId the notice version answered, so a choice made on a page left open while a new
 *                 version was published is not taken as an answer to the new one
 * @param choices  purpose name → granted
 */
public record ConsentChoice(Long noticeId, Map<String, Boolean> choices) {
}

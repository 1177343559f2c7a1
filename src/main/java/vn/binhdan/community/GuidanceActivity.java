package vn.binhdan.community;

import java.util.Map;

/** What guidance added up to in a period: sessions, people helped, minutes, sessions needing a follow-up, sessions per topic. */
public record GuidanceActivity(long sessions, long people, long minutes, long followUps, Map<String, Long> byTopic) {
}

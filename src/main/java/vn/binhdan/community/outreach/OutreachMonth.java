package vn.binhdan.community.outreach;

import java.time.YearMonth;
import java.util.List;

/**
 * One unit's outreach in one month against the monthly targets ("more than 10 news items or videos,
 * at least 10 visual activities"); a target is null where none is set for the unit. {@code posts}
 * counts the channels that are news items or videos; {@code others} the rest (SMS, loudspeaker),
 * which are outreach but not posts.
 */
public record OutreachMonth(long unitId, String unitName, YearMonth month, int posts, Integer postsTarget,
                            boolean postsMet, int others, int visual, Integer visualTarget, List<OutreachItem> items) {
}

package vn.binhdan.community.outreach;

import java.time.YearMonth;
import java.util.List;

/**
 * One unit's outreach in one month against the monthly targets ("more than 10 news items or videos,
 * at least 10 visual activities"); a target is null where none is set for the unit.
 */
public record OutreachMonth(long unitId, String unitName, YearMonth month, int posts, Integer postsTarget, int visual,
                            Integer visualTarget, List<OutreachItem> items) {
}

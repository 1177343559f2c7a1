package vn.binhdan.monitoring;

import java.util.List;

/** Names of the metrics the rollups keep; indicators of the catalogue name the one they read. */
public final class Metrics {

    /** Persons certified for a target group (each person once per group). */
    public static final String CERTIFIED = "CERTIFIED";

    /** Persons taking part in an online contest, each once per contest, on the day of their first entry. */
    public static final String CONTEST_PARTICIPANTS = "CONTEST_PARTICIPANTS";

    /** Communes that recorded their year-end review (emulation), on the day it was held. */
    public static final String YEAR_END_REVIEWS = "YEAR_END_REVIEWS";

    /** Households with at least one certified member, of all households: read from the registers when asked. */
    public static final String HOUSEHOLDS_CERTIFIED = "HOUSEHOLDS_CERTIFIED";

    /** Digital-market traders meeting every criterion of the checklist, of all traders: read when asked. */
    public static final String MARKET_TRADERS = "MARKET_TRADERS";

    /** Every metric the rollups keep: certified persons, each community tally, contest participants and year-end reviews. */
    public static List<String> all() {
        return ALL;
    }

    private static final List<String> ALL = java.util.stream.Stream.of(java.util.stream.Stream.of(CERTIFIED),
            java.util.Arrays.stream(vn.binhdan.community.Tally.values()).map(Enum::name),
            java.util.stream.Stream.of(CONTEST_PARTICIPANTS, YEAR_END_REVIEWS)).flatMap(x -> x).toList();

    private Metrics() {
    }
}

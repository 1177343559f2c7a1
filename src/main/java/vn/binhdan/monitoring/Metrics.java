package vn.binhdan.monitoring;

/** Names of the metrics the rollups keep; indicators of the catalogue name the one they read. */
public final class Metrics {

    /** Persons certified for a target group (each person once per group). */
    public static final String CERTIFIED = "CERTIFIED";

    private Metrics() {
    }
}

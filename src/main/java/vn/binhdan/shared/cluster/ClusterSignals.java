package vn.binhdan.shared.cluster;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells every instance of the platform about a change it must act on at once (a course published,
 * an account disabled), where each instance keeps something in memory. {@link #publish} writes a
 * row in the caller's transaction, so a change that rolls back is never announced; every instance
 * reads the last minute's rows four times a second and hands each new one, once, to the topic's
 * subscribers (its own announcements too, which keeps one path for all).
 *
 * <p>The window is read by the database's own clock, so instances' clocks may differ; a
 * transaction taking longer than the window to commit would be missed, which the subscribers'
 * slower safety nets (the search index's poll, the token cache's minute) still cover.
 */
@Component
public class ClusterSignals {

    private static final Logger log = LoggerFactory.getLogger(ClusterSignals.class);

    private final JdbcClient jdbc;
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private Set<Long> seen = new HashSet<>();

    public ClusterSignals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Announces a change of {@code key} (an id, or empty for "everything") under {@code topic}. */
    public void publish(String topic, String key) {
        jdbc.sql("INSERT INTO ops_signal (topic, signal_key) VALUES (?, ?)").params(topic, key == null ? "" : key).update();
    }

    public void subscribe(String topic, Consumer<String> handler) {
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
    }

    private record Signal(long id, String topic, String key) {
    }

    @Scheduled(fixedDelayString = "${binhdan.cluster.poll-every:PT0.25S}", initialDelayString = "PT1S")
    public synchronized void poll() {
        List<Signal> recent;
        try {
            recent = jdbc.sql("SELECT id, topic, signal_key FROM ops_signal"
                            + " WHERE created_at > CURRENT_TIMESTAMP - INTERVAL '60' SECOND ORDER BY id")
                    .query((rs, i) -> new Signal(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        } catch (RuntimeException e) {
            // the database restarting, or the context closing: the next poll tries again
            log.debug("Could not read the cluster signals", e);
            return;
        }
        Set<Long> now = new HashSet<>();
        for (Signal s : recent) {
            now.add(s.id());
            if (seen.contains(s.id())) {
                continue;
            }
            for (Consumer<String> handler : subscribers.getOrDefault(s.topic(), List.of())) {
                try {
                    handler.accept(s.key());
                } catch (RuntimeException e) {
                    log.warn("A subscriber of {} failed on {}", s.topic(), s.key(), e);
                }
            }
        }
        // only the window's ids are kept: an id leaves the set when its row leaves the window
        seen = now;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    public void prune() {
        jdbc.sql("DELETE FROM ops_signal WHERE created_at < CURRENT_TIMESTAMP - INTERVAL '1' HOUR").update();
    }
}

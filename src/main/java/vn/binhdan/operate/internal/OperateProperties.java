package vn.binhdan.operate.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxConcurrentRequests requests served at once by this instance; beyond it (after
 *                              {@code queueWait}) a request is refused with 503 and Retry-After.
 *                              0 switches the bound off.
 * @param maxConcurrentHot      the same for the hot paths (exam saves, contest answers), which a
 *                              crowd reaches at the same second and which must not starve the rest
 * @param hotPaths              path prefixes counted against {@code maxConcurrentHot} too
 * @param queueWait             how long a request may wait for a place before it is refused
 * @param retryAfter            the wait suggested to a refused client
 */
@ConfigurationProperties("binhdan.operate")
public record OperateProperties(Integer maxConcurrentRequests, Integer maxConcurrentHot, List<String> hotPaths,
                                Duration queueWait, Duration retryAfter) {

    public OperateProperties {
        maxConcurrentRequests = maxConcurrentRequests == null ? 400 : maxConcurrentRequests;
        maxConcurrentHot = maxConcurrentHot == null ? 250 : maxConcurrentHot;
        hotPaths = hotPaths == null ? List.of("/api/v1/me/exams", "/exam", "/api/v1/contest", "/contest") : List.copyOf(hotPaths);
        queueWait = queueWait == null ? Duration.ofMillis(50) : queueWait;
        retryAfter = retryAfter == null ? Duration.ofSeconds(2) : retryAfter;
    }
}

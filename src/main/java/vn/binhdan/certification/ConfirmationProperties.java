package vn.binhdan.certification;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param url         the national platform's endpoint; empty means "write files to {@code dir}"
 * @param dir         where the file sender writes a JSON-lines file per day
 * @param maxAttempts attempts before a confirmation is marked FAILED for an officer to look at
 * @param timeout     per HTTP call
 */
@ConfigurationProperties("binhdan.confirmation")
public record ConfirmationProperties(String url, Path dir, Integer maxAttempts, Duration timeout) {

    public ConfirmationProperties {
        dir = dir == null ? Path.of("./data/confirmations") : dir;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}

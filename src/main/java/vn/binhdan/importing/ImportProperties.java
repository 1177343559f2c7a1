package vn.binhdan.importing;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param dir             where uploaded files wait for their job, and error reports for their user
 * @param maxFileSize     larger files are refused with advice to split them by commune
 * @param maxStoredErrors errors beyond this are counted but not stored one by one
 * @param retention       how long an error report (ID numbers masked) is kept for download
 * @param abandonAfter    an upload never started is deleted after this; with the sweep's period it
 *                        stays under the hour the files' holders were promised
 * @param heartbeat       how often an instance says its running jobs are alive
 * @param staleAfter      a running job not heard of for this long was cut off by a crash: many
 *                        heartbeats, so a busy database or a long pause never fails a live job
 */
@ConfigurationProperties("binhdan.import")
public record ImportProperties(Path dir, DataSize maxFileSize, Integer maxStoredErrors, Duration retention,
                               Duration abandonAfter, Duration heartbeat, Duration staleAfter) {

    public ImportProperties {
        retention = retention == null ? Duration.ofHours(24) : retention;
        dir = dir == null ? Path.of("data", "imports") : dir;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(32) : maxFileSize;
        maxStoredErrors = maxStoredErrors == null ? 100_000 : maxStoredErrors;
        abandonAfter = abandonAfter == null ? Duration.ofMinutes(50) : abandonAfter;
        heartbeat = heartbeat == null ? Duration.ofSeconds(30) : heartbeat;
        staleAfter = staleAfter == null ? Duration.ofMinutes(10) : staleAfter;
    }
}

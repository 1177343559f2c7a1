package vn.binhdan.importing;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param dir          where uploaded files wait for their job (and for the error report)
 * @param maxFileSize  larger files are refused with advice to split them by commune
 * @param maxStoredErrors errors beyond this are counted but not stored one by one
 * @param retention   how long a rejected file is kept for its error report; uploads hold ID
 *                    numbers in clear, so they are deleted when applied and purged after this
 */
@ConfigurationProperties("binhdan.import")
public record ImportProperties(Path dir, DataSize maxFileSize, Integer maxStoredErrors, java.time.Duration retention) {

    public ImportProperties {
        retention = retention == null ? java.time.Duration.ofHours(24) : retention;
        dir = dir == null ? Path.of("data", "imports") : dir;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(32) : maxFileSize;
        maxStoredErrors = maxStoredErrors == null ? 100_000 : maxStoredErrors;
    }
}

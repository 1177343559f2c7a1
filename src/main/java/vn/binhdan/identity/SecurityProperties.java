package vn.binhdan.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tokenSecret     HMAC key for API bearer tokens (at least 32 bytes)
 * @param tokenTtl        lifetime of an API token
 * @param maxFailedLogins consecutive wrong passwords before the account is locked
 * @param lockDuration    how long a locked account stays locked
 * @param oidcIdClaim     claim of the OpenID provider that carries the 12-digit ID number
 */
@ConfigurationProperties("binhdan.security")
public record SecurityProperties(String tokenSecret, Duration tokenTtl, Integer maxFailedLogins, Duration lockDuration,
                                 String oidcIdClaim, String idHashSecret) {

    public SecurityProperties {
        tokenTtl = tokenTtl == null ? Duration.ofHours(8) : tokenTtl;
        maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        oidcIdClaim = oidcIdClaim == null ? "cccd" : oidcIdClaim;
    }
}

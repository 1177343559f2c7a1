package vn.binhdan.identity.internal;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;
import vn.binhdan.identity.SecurityProperties;
import vn.binhdan.shared.AppUser;

/**
 * Short-lived HS256 bearer tokens for API clients. A token names the account only; its grants
 * are read from the database on each request, so a withdrawn grant takes effect at once.
 */
@Component
public class TokenService {

    public static final String ISSUER = "binhdan";

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final SecurityProperties props;
    private final Clock clock;

    public TokenService(SecurityProperties props, Clock clock) {
        if (props.tokenSecret() == null || props.tokenSecret().getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("binhdan.security.token-secret must be at least 32 bytes");
        }
        SecretKey key = new SecretKeySpec(props.tokenSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        // a token without an expiry would work forever, one from another issuer was never ours
        this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(ISSUER),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, java.util.Objects::nonNull)));
        this.props = props;
        this.clock = clock;
    }

    public String issue(AppUser user) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(ISSUER).subject(user.username())
                .claim("uid", user.accountId()).issuedAt(now).expiresAt(now.plus(props.tokenTtl())).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    /**
     * Decodes each distinct token once: a phone sends the same token with every request, and
     * checking its signature and parsing its claims again cost more than the request's own work.
     * A cached token is still refused once it expires.
     */
    public JwtDecoder decoder() {
        return token -> {
            Jwt cached = decoded.get(token);
            if (cached != null && cached.getExpiresAt() != null && cached.getExpiresAt().isAfter(clock.instant())) {
                return cached;
            }
            Jwt jwt = decoder.decode(token);
            if (decoded.size() > 100_000) {
                decoded.clear();
            }
            decoded.put(token, jwt);
            return jwt;
        };
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Jwt> decoded = new java.util.concurrent.ConcurrentHashMap<>();
}

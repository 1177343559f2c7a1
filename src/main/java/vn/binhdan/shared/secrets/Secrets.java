package vn.binhdan.shared.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * The platform's secrets, what each guards, and the values that must never work because they
 * have been published (in this repository's configuration, its tests and its benchmarks).
 */
public final class Secrets {

    public record Secret(String property, String variable, int minBytes) {
    }

    public static final List<Secret> ALL = List.of(
            new Secret("binhdan.security.token-secret", "BINHDAN_TOKEN_SECRET", 32),
            new Secret("binhdan.security.id-hash-secret", "BINHDAN_ID_HASH_SECRET", 16),
            new Secret("binhdan.certification.key-secret", "BINHDAN_KEY_SECRET", 16),
            new Secret("binhdan.community.checkin-secret", "BINHDAN_CHECKIN_SECRET", 16));

    /** Values the earlier releases shipped as defaults: anyone can read them, so they protect nothing. */
    public static final Set<String> PUBLISHED_DEFAULTS = Set.of(
            "dev-only-token-secret-change-me-0123456789",
            "dev-only-id-hash-secret-change-me",
            "dev-only-issuer-key-secret-change-me",
            "dev-only-checkin-secret-change-me");

    /** The test suite's own values, published with it: accepted only while the test profile is active. */
    static final Set<String> TEST_VALUES = Set.of(
            "test-token-secret-0123456789-0123456789",
            "test-id-hash-secret-0123456789",
            "test-issuer-key-secret-0123456789",
            "test-checkin-secret-0123456789");

    private Secrets() {
    }

    public enum Problem { MISSING, TOO_SHORT, PUBLISHED }

    public record Finding(Secret secret, Problem problem) {
    }

    static List<Finding> check(Environment env, boolean testProfile) {
        List<Finding> out = new ArrayList<>();
        for (Secret s : ALL) {
            String v = env.getProperty(s.property());
            if (v == null || v.isBlank()) {
                out.add(new Finding(s, Problem.MISSING));
            } else if (PUBLISHED_DEFAULTS.contains(v) || v.contains("change-me")
                    || (!testProfile && TEST_VALUES.contains(v))) {
                out.add(new Finding(s, Problem.PUBLISHED));
            } else if (v.getBytes(StandardCharsets.UTF_8).length < s.minBytes()) {
                out.add(new Finding(s, Problem.TOO_SHORT));
            }
        }
        return out;
    }
}

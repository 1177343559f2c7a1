package vn.binhdan.shared.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import vn.binhdan.BinhdanApplication;

/** A start with a missing, short or published secret is refused; the demo makes its own. */
class SecretsGuardTest {

    @TempDir
    Path dir;

    /** The environment of a fresh machine: the application's files and these values only, no OS variables. */
    private static StandardEnvironment bare(Map<String, Object> values, String... profiles) {
        StandardEnvironment env = new StandardEnvironment() {
            @Override
            protected void customizePropertySources(MutablePropertySources sources) {
                sources.addFirst(new MapPropertySource("given", values));
            }
        };
        env.setActiveProfiles(profiles);
        return env;
    }

    private static Throwable start(StandardEnvironment env) {
        SpringApplication app = new SpringApplication(BinhdanApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setEnvironment(env);
        app.setLogStartupInfo(false);
        try {
            app.run().close();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    @Test
    void withoutItsSecretsTheApplicationRefusesToStartAndNamesEachVariable() {
        Map<String, Object> values = new HashMap<>();
        // would the guard let it through, the start would fail later and differently
        values.put("spring.datasource.url", "jdbc:h2:mem:never");
        Throwable failure = start(bare(values));
        assertThat(failure).isInstanceOf(UnsafeSecretsException.class);
        FailureAnalysis analysis = new UnsafeSecretsFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("BINHDAN_TOKEN_SECRET", "BINHDAN_ID_HASH_SECRET",
                "BINHDAN_KEY_SECRET", "BINHDAN_CHECKIN_SECRET", "chưa đặt");
        assertThat(analysis.getAction()).contains("openssl rand -base64 48");
    }

    @Test
    void thePublishedDevelopmentValuesAndShortOnesAreRefused() {
        Map<String, Object> values = new HashMap<>();
        values.put("binhdan.security.token-secret", "dev-only-token-secret-change-me-0123456789");
        values.put("binhdan.security.id-hash-secret", "dev-only-id-hash-secret-change-me");
        values.put("binhdan.certification.key-secret", "test-issuer-key-secret-0123456789");
        values.put("binhdan.community.checkin-secret", "short");
        UnsafeSecretsException e = (UnsafeSecretsException) start(bare(values));
        assertThat(e.findings()).extracting(f -> f.secret().variable() + " " + f.problem()).containsExactly(
                "BINHDAN_TOKEN_SECRET PUBLISHED", "BINHDAN_ID_HASH_SECRET PUBLISHED",
                "BINHDAN_KEY_SECRET PUBLISHED", "BINHDAN_CHECKIN_SECRET TOO_SHORT");
    }

    @Test
    void theDemoMakesItsOwnSecretsOnceAndKeepsThemPrivate() throws Exception {
        Path file = dir.resolve("data/secrets.properties");
        Map<String, Object> values = new HashMap<>();
        values.put(SecretsGuard.DEMO_FILE_PROPERTY, file.toString());
        values.put("binhdan.security.token-secret", "");
        values.put("binhdan.community.checkin-secret", "set-by-the-operator-0123456789");
        StandardEnvironment first = bare(values, "demo");
        new SecretsGuard().postProcessEnvironment(first, null);
        String token = first.getProperty("binhdan.security.token-secret");
        assertThat(token).hasSizeGreaterThanOrEqualTo(64).isNotIn(Secrets.PUBLISHED_DEFAULTS);
        assertThat(first.getProperty("binhdan.security.id-hash-secret")).isNotEqualTo(token).hasSizeGreaterThanOrEqualTo(64);
        assertThat(first.getProperty("binhdan.community.checkin-secret")).isEqualTo("set-by-the-operator-0123456789");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain("checkin-secret");

        StandardEnvironment second = bare(values, "demo");
        new SecretsGuard().postProcessEnvironment(second, null);
        assertThat(second.getProperty("binhdan.security.token-secret")).as("the same on the next start").isEqualTo(token);

        StandardEnvironment elsewhere = bare(Map.of(SecretsGuard.DEMO_FILE_PROPERTY, dir.resolve("other").toString()), "demo");
        new SecretsGuard().postProcessEnvironment(elsewhere, null);
        assertThat(elsewhere.getProperty("binhdan.security.token-secret")).as("another install, another secret")
                .isNotEqualTo(token);
    }
}

package vn.binhdan.shared.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.binhdan.identity.AccountService;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.support.Http;

/**
 * The demo as a newcomer starts it (profile demo, no variables set; its bulky data left out):
 * none of the secrets ever published in this repository opens it. Behind an HTTPS proxy it
 * also sends HSTS and Secure cookies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-secrets;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "binhdan.demo.enabled=false",
        "binhdan.demo.secrets-file=${binhdan.test.tmp:${java.io.tmpdir}/binhdan-test}/demo-secrets-${random.uuid}/secrets.properties",
        "binhdan.import.dir=${binhdan.test.tmp:${java.io.tmpdir}/binhdan-test}/demo-secrets-imports",
        "binhdan.confirmation.dir=${binhdan.test.tmp:${java.io.tmpdir}/binhdan-test}/demo-secrets-confirmations",
        "server.forward-headers-strategy=native"})
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSecretsTest {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Value("${binhdan.security.token-secret}")
    String generated;

    long uid;
    Http http;

    @BeforeAll
    void account() {
        uid = SystemUser.call(SystemUser.SYSTEM, () -> accounts.create("demo-check", "Kiểm tra", "demo1234", null, List.of()));
        http = new Http(port);
    }

    /**
     * Signs as an attacker would, with a plain HMAC: a JWT library would refuse the shorter
     * published values as keys, an attacker's tool need not.
     */
    private static String sign(String secret, String issuer, Instant expires, long uid) {
        StringBuilder payload = new StringBuilder("{\"sub\":\"demo-check\",\"uid\":" + uid
                + ",\"iat\":" + Instant.now().getEpochSecond());
        if (issuer != null) {
            payload.append(",\"iss\":\"").append(issuer).append('"');
        }
        if (expires != null) {
            payload.append(",\"exp\":").append(expires.getEpochSecond());
        }
        payload.append('}');
        var b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String unsigned = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return unsigned + "." + b64.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTokenSignedWithAnyPublishedValueIsRefused() {
        Set<String> published = new TreeSet<>(Secrets.PUBLISHED_DEFAULTS);
        published.addAll(Secrets.TEST_VALUES);
        published.add("bench-token-secret-0123456789-abcdefghij");
        Instant later = Instant.now().plusSeconds(3600);
        for (String secret : published) {
            Http.Response r = http.get("/api/v1/me", sign(secret, "binhdan", later, uid));
            assertThat(r.status()).as(secret).isEqualTo(401);
        }
        // the control: the demo's own secret works, but only with an expiry and the right issuer
        assertThat(http.get("/api/v1/me", sign(generated, "binhdan", later, uid)).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/me", sign(generated, "binhdan", null, uid)).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/me", sign(generated, "someone-else", later, uid)).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/me", sign(generated, null, later, uid)).status()).isEqualTo(401);
        assertThat(generated).isNotIn(published);
    }

    @Test
    void behindAnHttpsProxyPagesSendHstsAndTheSessionCookieIsSecure() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login"))
                        .header("X-Forwarded-Proto", "https").header("Accept", "text/html").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v ->
                assertThat(v).contains("max-age=31536000"));
        assertThat(String.join(";", r.headers().allValues("Set-Cookie"))).contains("Secure").containsIgnoringCase("SameSite=Lax");
    }
}

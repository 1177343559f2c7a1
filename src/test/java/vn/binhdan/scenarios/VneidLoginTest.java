package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;

/**
 * OpenID Connect login against a real OIDC server (mock-oauth2-server speaks the full protocol:
 * discovery, authorization code, token, JWKS, userinfo), standing in for VNeID.
 */
class VneidLoginTest extends EndToEnd {

    static final MockOAuth2Server VNEID = new MockOAuth2Server();

    static {
        VNEID.start();
    }

    @DynamicPropertySource
    static void vneid(DynamicPropertyRegistry registry) {
        String base = "spring.security.oauth2.client.";
        registry.add(base + "registration.vneid.client-id", () -> "binhdan");
        registry.add(base + "registration.vneid.client-secret", () -> "secret");
        registry.add(base + "registration.vneid.scope", () -> "openid,profile");
        registry.add(base + "registration.vneid.authorization-grant-type", () -> "authorization_code");
        registry.add(base + "registration.vneid.redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add(base + "provider.vneid.issuer-uri", () -> VNEID.issuerUrl("vneid").toString());
    }

    @AfterAll
    static void stop() {
        VNEID.shutdown();
    }

    @Test
    void aCitizenSignsInWithVneidAndIsLinkedToTheirRecordByIdNumber() {
        VNEID.enqueueCallback(new DefaultOAuth2TokenCallback("vneid", "vneid-subject-an", "JWT", List.of("binhdan"),
                Map.of("cccd", "066085000001", "name", "Nguyen Van An"), 3600));
        Http browser = new Http(port, true);
        assertThat(browser.getHtml("/login").body()).contains("Đăng nhập bằng VNeID");
        Http.Response home = browser.getHtml("/oauth2/authorization/vneid");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Xin chào, Nguyễn Văn An", "Người học");
        assertThat(browser.getHtml("/persons/" + person("Nguyễn Văn An")).status()).isEqualTo(200);
        assertThat(browser.getHtml("/persons/" + person("Nguyễn Thị Hoa")).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT oidc_subject FROM account WHERE username = 'learner'").query(String.class).single())
                .endsWith("|vneid-subject-an");
    }

    @Test
    void someoneNotInTheRegistryIsToldWhatToDo() {
        VNEID.enqueueCallback(new DefaultOAuth2TokenCallback("vneid", "vneid-subject-stranger", "JWT", List.of("binhdan"),
                Map.of("cccd", "079999999999"), 3600));
        Http.Response page = new Http(port, true).getHtml("/oauth2/authorization/vneid");
        assertThat(page.body()).contains("Chưa có hồ sơ của bạn trong cơ sở dữ liệu người dân");
    }
}

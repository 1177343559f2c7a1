package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhdan.BinhdanApplication;
import vn.binhdan.identity.AccountService;
import vn.binhdan.importing.ImportService;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.support.Http;
import vn.binhdan.support.Postgres;
import vn.binhdan.support.World;
import vn.binhdan.unit.Units;

/**
 * Two instances of the platform on one PostgreSQL database, as behind a load balancer without
 * sticky sessions: what a user does on one is what they find on the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesOnPostgresTest {

    /** What "at once" means between instances: the old behaviour took 30 s (search) and 60 s (accounts). */
    private static final Duration AT_ONCE = Duration.ofSeconds(3);

    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private Http httpA;
    private Http httpB;
    private JdbcClient jdbc;

    @BeforeAll
    void startTwoInstances() {
        String url = Postgres.newDatabaseUrl();
        a = start(url);
        b = start(url);
        jdbc = a.getBean(JdbcClient.class);
        World.load(a.getBean(ImportService.class), a.getBean(AccountService.class), a.getBean(Units.class), jdbc);
        httpA = new Http(port(a));
        httpB = new Http(port(b));
    }

    private static ConfigurableApplicationContext start(String url) {
        // as arguments: they win over the test profile's own database (default properties would not)
        return new SpringApplicationBuilder(BinhdanApplication.class).profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres");
    }

    private static int port(ConfigurableApplicationContext c) {
        return Integer.parseInt(c.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void anOfficialSignedInOnOneInstanceIsStillSignedInOnTheOther() throws Exception {
        Browser browser = new Browser();
        String page = browser.get(port(a), "/login").body();
        HttpResponse<String> login = browser.postForm(port(a), "/login",
                Map.of("username", "commune-officer", "password", World.PASSWORD, "_csrf", Http.csrf(page)));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> home = browser.get(port(b), "/");
        assertThat(home.statusCode()).as("the other instance knows the session").isEqualTo(200);
        assertThat(home.body()).contains("Cán bộ phường Buôn Ma Thuột");

        // and signing out on the second ends it on the first
        String csrf = Http.csrf(home.body());
        browser.postForm(port(b), "/logout", Map.of("_csrf", csrf));
        HttpResponse<String> after = browser.get(port(a), "/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void aCoursePublishedOnOneInstanceIsFoundAtOnceOnTheOther() {
        Http author = new Http(port(a), true);
        author.formLogin("province-admin", World.PASSWORD);
        String csrf = Http.csrf(author.getHtml("/author").body());
        author.postForm("/author/courses", Map.of("_csrf", csrf, "code", "kns-hai-may-chu", "titleVi", "Nuôi ong lấy mật",
                "targetGroups", "ADULT", "sequential", "false"));
        long courseId = jdbc.sql("SELECT id FROM course WHERE code = 'KNS-HAI-MAY-CHU'").query(Long.class).single();
        long moduleId = jdbc.sql("SELECT id FROM course_module WHERE course_id = ?").param(courseId).query(Long.class).single();
        author.postForm("/author/courses/" + courseId + "/lessons", Map.of("_csrf", csrf, "module", Long.toString(moduleId),
                "code", "nuoi-ong", "titleVi", "Nuôi ong", "competencies", "1.1",
                "body", "<p>Đàn ong cần thùng gỗ khô ráo và nguồn hoa quanh năm để lấy mật.</p>"));
        String q = "/api/v1/search?q=" + URLEncoder.encode("thung go nuoi ong", StandardCharsets.UTF_8);
        String learnerOnB = httpB.login("learner", World.PASSWORD);
        assertThat(httpB.get(q, learnerOnB).body()).doesNotContain("nuoi-ong");

        author.postForm("/author/courses/" + courseId + "/publish", Map.of("_csrf", csrf, "publish", "true"));
        assertThat(within(AT_ONCE, () -> httpB.get(q, learnerOnB).body().contains("nuoi-ong")))
                .as("the other instance finds the lesson without waiting for its 30-second poll").isTrue();

        author.postForm("/author/courses/" + courseId + "/publish", Map.of("_csrf", csrf, "publish", "false"));
        assertThat(within(AT_ONCE, () -> !httpB.get(q, learnerOnB).body().contains("nuoi-ong"))).isTrue();
    }

    @Test
    void anAccountDisabledOnOneInstanceIsRefusedAtOnceOnTheOther() throws Exception {
        String token = httpA.login("team-member", World.PASSWORD);
        assertThat(httpB.get("/api/v1/me", token).status()).as("the token works on both").isEqualTo(200);
        Browser browser = new Browser();
        String page = browser.get(port(b), "/login").body();
        browser.postForm(port(b), "/login", Map.of("username", "team-member", "password", World.PASSWORD, "_csrf", Http.csrf(page)));
        assertThat(browser.get(port(b), "/").statusCode()).isEqualTo(200);

        long id = jdbc.sql("SELECT id FROM account WHERE username = 'team-member'").query(Long.class).single();
        try {
            SystemUser.run(SystemUser.SYSTEM, () -> a.getBean(AccountService.class).setEnabled(id, false));

            assertThat(within(AT_ONCE, () -> httpB.get("/api/v1/me", token).status() == 401))
                    .as("the other instance refuses the disabled account's token without waiting a minute").isTrue();
            HttpResponse<String> home = browser.get(port(b), "/");
            assertThat(home.statusCode()).as("and its open browser session ends").isEqualTo(302);
            assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/login");
        } finally {
            SystemUser.run(SystemUser.SYSTEM, () -> a.getBean(AccountService.class).setEnabled(id, true));
        }
    }

    private static boolean within(Duration limit, BooleanSupplier condition) {
        Instant until = Instant.now().plus(limit);
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (Instant.now().isAfter(until)) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** A browser that goes from one instance to the other with the same cookies (cookies ignore the port). */
    private static final class Browser {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(int port, String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(int port, String path, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}

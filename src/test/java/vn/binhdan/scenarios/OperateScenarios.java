package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/** What an operator sees: metrics for administrators only, and a request id that finds the logs. */
abstract class OperateScenarios extends EndToEnd {

    @Test
    void theMetricsAreRefusedToAnonymousCallersAndToOfficersAndGivenToAdministrators() throws Exception {
        assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", token("commune-officer")).status()).isEqualTo(403);

        HttpResponse<String> metrics = scrape("Bearer " + token("province-admin"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("binhdan_outbox_backlog", "binhdan_outbox_oldest_age_seconds",
                "binhdan_imports_running", "binhdan_imports_failed_last_day", "binhdan_exam_attempts_active",
                "binhdan_rollup_check_differences", "binhdan_requests_in_flight", "hikaricp_connections_active");

        // Prometheus signs in with HTTP Basic as an administrator's account
        String basic = Base64.getEncoder().encodeToString(("province-admin:" + World.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> scraped = scrape("Basic " + basic);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("binhdan_exam_attempts_active");

        // the load balancer's health check stays open, and says no more than UP
        Http.Response health = http.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("UP").doesNotContain("db");
    }

    /** As Prometheus asks: any text format, not JSON. */
    private HttpResponse<String> scrape(String authorization) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.base() + "/actuator/prometheus"))
                .header("Authorization", authorization).header("Accept", "text/plain").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aProblemResponseCarriesTheRequestIdOfItsLogLines() {
        Http.Response missing = http.get("/api/v1/units/999999999", token("province-admin"));
        assertThat(missing.status()).isEqualTo(404);
        String id = missing.header("X-Request-Id");
        assertThat(id).isNotBlank();
        assertThat(missing.json().get("requestId").asText()).isEqualTo(id);
    }
}

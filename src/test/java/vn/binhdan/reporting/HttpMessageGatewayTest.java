package vn.binhdan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.binhdan.reporting.internal.HttpMessageGateway;

/** The text gateway against a real HTTP server standing in for a province's SMS gateway. */
class HttpMessageGatewayTest {

    HttpServer server;
    final List<String> received = new ArrayList<>();
    final List<String> auth = new ArrayList<>();
    int status = 200;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] answer = (status == 200 ? "{\"id\":\"1\"}" : "{\"error\":\"quota exceeded\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    @Test
    void postsEachMessageAsJsonWithTheProvincesToken() throws Exception {
        HttpMessageGateway gateway = new HttpMessageGateway(url(), "secret-token", "ZALO", Duration.ofSeconds(5));
        assertThat(gateway.configured()).isTrue();
        gateway.send("0912345678", "Nhắc nộp báo cáo");
        assertThat(received).singleElement().asString()
                .contains("\"to\":\"0912345678\"", "\"text\":\"Nhắc nộp báo cáo\"", "\"channel\":\"ZALO\"");
        assertThat(auth).containsExactly("Bearer secret-token");
    }

    @Test
    void aRefusalIsAFailureWithTheGatewaysReason() {
        status = 429;
        HttpMessageGateway gateway = new HttpMessageGateway(url(), "", "SMS", Duration.ofSeconds(5));
        assertThatThrownBy(() -> gateway.send("0912345678", "x")).hasMessageContaining("HTTP 429")
                .hasMessageContaining("quota exceeded");
        assertThat(auth).containsExactly((String) null);
    }

    @Test
    void offByDefaultItSendsNothing() {
        HttpMessageGateway gateway = new HttpMessageGateway("", "", "SMS", Duration.ofSeconds(5));
        assertThat(gateway.configured()).isFalse();
        assertThatThrownBy(() -> gateway.send("0912345678", "x")).hasMessageContaining("no SMS gateway configured");
        assertThat(received).isEmpty();
    }
}

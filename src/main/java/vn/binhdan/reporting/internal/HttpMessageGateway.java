package vn.binhdan.reporting.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.binhdan.reporting.MessageGateway;

/**
 * Posts each message as JSON ({@code {"to": "0912345678", "text": "…", "channel": "SMS"}}) to the
 * province's gateway, with its token as a bearer token when one is set. Any 2xx answer is taken
 * as accepted; anything else, or no answer within the time-out, is a failure with the reason.
 * With no address configured it sends nothing and says so. A province with another kind of
 * gateway provides its own {@link MessageGateway} bean marked {@code @Primary}.
 */
@Component
public class HttpMessageGateway implements MessageGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String url;
    private final String token;
    private final String channel;
    private final Duration timeout;
    private final HttpClient client;

    public HttpMessageGateway(@Value("${binhdan.reminders.sms.url:}") String url,
                              @Value("${binhdan.reminders.sms.token:}") String token,
                              @Value("${binhdan.reminders.sms.channel:SMS}") String channel,
                              @Value("${binhdan.reminders.sms.timeout:PT10S}") Duration timeout) {
        this.url = url == null ? "" : url.strip();
        this.token = token == null ? "" : token.strip();
        this.channel = channel;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public boolean configured() {
        return !url.isEmpty();
    }

    @Override
    public void send(String phone, String text) throws Exception {
        if (!configured()) {
            throw new IllegalStateException("no SMS gateway configured");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", phone);
        body.put("text", text);
        body.put("channel", channel);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String answer = response.body() == null ? "" : response.body().strip();
            throw new IllegalStateException("HTTP " + response.statusCode()
                    + (answer.isEmpty() ? "" : ": " + (answer.length() > 200 ? answer.substring(0, 200) + "…" : answer)));
        }
    }
}

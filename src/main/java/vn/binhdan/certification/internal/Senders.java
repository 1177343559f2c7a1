package vn.binhdan.certification.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.binhdan.certification.ConfirmationProperties;
import vn.binhdan.certification.ConfirmationSender;

/** Picks the confirmation sender: HTTP when an endpoint is configured, files otherwise. */
@Configuration
class Senders {

    @Bean
    ConfirmationSender confirmationSender(ConfirmationProperties props, Clock clock) {
        if (props.url() != null && !props.url().isBlank()) {
            return http(props);
        }
        return confirmation -> {
            Files.createDirectories(props.dir());
            // one line per confirmation; a resend after a crash repeats a line, which the
            // receiving side de-duplicates by certificateId
            Files.writeString(props.dir().resolve("confirmations-" + LocalDate.now(clock) + ".jsonl"),
                    confirmation.payload() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        };
    }

    private static ConfirmationSender http(ConfirmationProperties props) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(props.timeout()).build();
        return confirmation -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(props.url())).timeout(props.timeout())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", confirmation.certificateId())
                    .POST(HttpRequest.BodyPublishers.ofString(confirmation.payload())).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(200, response.body().length())));
            }
        };
    }
}

package vn.binhdan.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAI-compatible chat endpoint over real HTTP, standing in for a province's model server:
 * it records what it is sent and answers as the test tells it to — a reply built from the
 * request, an error status, or no reply at all.
 */
public final class FakeModelServer implements AutoCloseable {

    /** What the server does with one request. */
    public sealed interface Behaviour {
    }

    public record Reply(Function<JsonNode, String> content) implements Behaviour {
    }

    public record Status(int code) implements Behaviour {
    }

    /** Holds the connection open far longer than any time-out of the platform. */
    public record Hang() implements Behaviour {
    }

    public record Received(JsonNode body, String authorization) {
        public String system() {
            return body.get("messages").get(0).get("content").asString();
        }

        public String user() {
            return body.get("messages").get(1).get("content").asString();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = new Status(500);

    public FakeModelServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", exchange -> {
            JsonNode body = Http.JSON.readTree(exchange.getRequestBody().readAllBytes());
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("Authorization")));
            Behaviour b = behaviour;
            try (exchange) {
                switch (b) {
                    case Hang h -> {
                        try {
                            Thread.sleep(20_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        exchange.sendResponseHeaders(504, -1);
                    }
                    case Status s -> exchange.sendResponseHeaders(s.code(), -1);
                    case Reply r -> {
                        byte[] out = Http.JSON.writeValueAsBytes(Map.of("id", "chatcmpl-1", "object", "chat.completion",
                                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                                        "message", Map.of("role", "assistant", "content", r.content().apply(body))))));
                        exchange.getResponseHeaders().add("Content-Type", "application/json");
                        exchange.sendResponseHeaders(200, out.length);
                        exchange.getResponseBody().write(out);
                    }
                }
            }
        });
        server.start();
    }

    /** The base address to configure, ending in /v1 as OpenAI-compatible servers do. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public void behave(Behaviour b) {
        behaviour = b;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last() {
        return received.getLast();
    }

    /** The text of the first lesson block of a request's user message. */
    public static String firstLesson(JsonNode request) {
        String user = request.get("messages").get(1).get("content").asString();
        int start = user.indexOf('>', user.indexOf("<bai_hoc")) + 1;
        return user.substring(start, user.indexOf("</bai_hoc>")).strip();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

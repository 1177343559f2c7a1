package vn.binhdan.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for end-to-end tests: JSON in and out, bearer tokens, multipart uploads. */
public final class Http {

    public static final ObjectMapper JSON = JsonMapper.builder().build();

    public record Response(int status, String body, java.net.http.HttpHeaders headers, byte[] bytes) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final String base;
    private final HttpClient client;
    private final boolean browserLike;

    public Http(int port) {
        this(port, false);
    }

    public Http(int port, boolean browserLike) {
        this.base = "http://localhost:" + port;
        this.browserLike = browserLike;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (browserLike) {
            b.cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.ALWAYS);
        }
        this.client = b.build();
    }

    public String base() {
        return base;
    }

    public String login(String username, String password) {
        Response r = post("/api/v1/auth/login", null, Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new AssertionError("login " + username + " failed: " + r.status() + " " + r.body());
        }
        return r.json().get("token").asText();
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Response getHtml(String path) {
        return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .header("Accept", "text/html").GET().build());
    }

    public Response post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body))).build());
    }

    public Response put(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /** JSON posted with the session cookie and its CSRF token, as a page's script does. */
    public Response postJsonWithCsrf(String path, String csrf, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /** A JSON read with the session cookie, as a page's script does. */
    public Response getJson(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET().build());
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    public Response postForm(String path, Map<String, String> form) {
        StringBuilder sb = new StringBuilder();
        form.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(sb.toString())).build());
    }

    /** A form posted as already-encoded text, for repeated fields (several options, several groups). */
    public Response postRaw(String path, String encodedForm) {
        return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(encodedForm)).build());
    }

    public Response upload(String path, String token, Map<String, String> fields, String fileName, byte[] content) {
        String boundary = "----binhdan" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((k, v) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n"));
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(content);
        write(out, "\r\n--" + boundary + "--\r\n");
        return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", browserLike ? "text/html" : "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private volatile java.util.function.BiConsumer<String, Response> watcher;

    /**
     * Shows every later response, with the request's Authorization header (null for a session
     * or anonymous request), to a check; {@code null} stops watching.
     */
    public void watch(java.util.function.BiConsumer<String, Response> check) {
        this.watcher = check;
    }

    private Response send(HttpRequest req) {
        try {
            HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            Response response = new Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.headers(), r.body());
            var check = watcher;
            if (check != null) {
                check.accept(req.headers().firstValue("Authorization").orElse(null), response);
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in through the login form as a browser does, keeping the session cookie. */
    public Response formLogin(String username, String password) {
        String page = getHtml("/login").body();
        return postForm("/login", Map.of("username", username, "password", password, "_csrf", csrf(page)));
    }

    public static String csrf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            m = java.util.regex.Pattern.compile("value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(html);
            if (!m.find()) {
                throw new AssertionError("no CSRF token in page");
            }
        }
        return m.group(1);
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

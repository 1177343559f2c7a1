package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import tools.jackson.databind.JsonNode;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/** Login, tokens, and what each role can and cannot read through the API. */
public abstract class AccessScenarios extends EndToEnd {

    @Value("${binhdan.security.token-secret}")
    String tokenSecret;

    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    @Test
    void healthIsUp() {
        Http.Response r = http.get("/actuator/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void theApiIsDocumentedWithOpenApi() {
        Http.Response docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/v1/auth/login")).isTrue();
        assertThat(paths.has("/api/v1/persons/{id}")).isTrue();
        assertThat(paths.has("/api/v1/imports")).isTrue();
        Http.Response ui = http.getHtml("/api/docs");
        assertThat(ui.status()).as(ui.header("Location") + " " + ui.body()).isIn(200, 302);
        assertThat(new Http(port, true).getHtml("/api/docs").body()).as(String.valueOf(ui.header("Location"))).contains("swagger-ui");
    }

    @Test
    void wrongPasswordIsRefusedInVietnamese() {
        Http.Response r = http.post("/api/v1/auth/login", null, World.map("username", "province-admin", "password", "sai"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).contains("application/problem+json");
        assertThat(r.json().get("detail").asText()).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
    }

    /**
     * A province administrator stops an account (a volunteer who left, a stolen phone): its token
     * is refused at once and it cannot sign in; a ward officer cannot do it, nor can the province
     * for an account of another province; enabled again, it works again.
     */
    @Test
    void anAdministratorDisablesAnAccountAndItStopsAtOnce() {
        vn.binhdan.shared.SystemUser.run(vn.binhdan.shared.SystemUser.SYSTEM, () -> {
            if (!accounts.exists("tam-khoa")) {
                accounts.create("tam-khoa", "Tạm khóa", World.PASSWORD, null,
                        List.of(new vn.binhdan.identity.AccountService.GrantSpec(vn.binhdan.shared.Role.TEAM_MEMBER,
                                unit("24175.01"))));
            }
            if (!accounts.exists("lam-dong")) {
                accounts.create("lam-dong", "Tỉnh khác", World.PASSWORD, null,
                        List.of(new vn.binhdan.identity.AccountService.GrantSpec(vn.binhdan.shared.Role.TEAM_MEMBER,
                                unit("22918"))));
            }
        });
        String held = token("tam-khoa");
        String admin = token("province-admin");
        assertThat(http.get("/api/v1/me", held).status()).isEqualTo(200);
        assertThat(http.put("/api/v1/accounts/tam-khoa/enabled", token("commune-officer"), World.map("enabled", false))
                .status()).isEqualTo(403);
        assertThat(http.put("/api/v1/accounts/lam-dong/enabled", admin, World.map("enabled", false)).status()).isEqualTo(403);
        assertThat(http.put("/api/v1/accounts/khong-co-ai/enabled", admin, World.map("enabled", false)).status()).isEqualTo(403);

        assertThat(http.put("/api/v1/accounts/tam-khoa/enabled", admin, World.map("enabled", false)).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/me", held).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/auth/login", null, World.map("username", "tam-khoa", "password", World.PASSWORD))
                .status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'DISABLE'").query(Long.class).single()).isPositive();

        assertThat(http.put("/api/v1/accounts/tam-khoa/enabled", admin, World.map("enabled", true)).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/me", held).status()).isEqualTo(200);
    }

    @Test
    void parallelGuessesGetFivePasswordChecksThenWaitWhileEarlierTokensKeepWorking() throws Exception {
        jdbc.sql("DELETE FROM login_throttle").update();
        accounts.create("throttle-me", "Thử giới hạn", World.PASSWORD, null,
                List.of(new vn.binhdan.identity.AccountService.GrantSpec(vn.binhdan.shared.Role.COMMUNE_OFFICER, unit("24133"))));
        String earlier = token("throttle-me");
        List<Http.Response> guesses = parallelLogins("throttle-me", 40);
        assertThat(guesses.stream().filter(r -> r.status() == 401).count()).as("passwords checked").isEqualTo(5);
        List<Http.Response> waited = guesses.stream().filter(r -> r.status() == 429).toList();
        assertThat(waited).hasSize(35);
        Http.Response w = waited.getFirst();
        assertThat(Long.parseLong(w.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(w.json().get("detail").asText()).startsWith("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau");

        // even the right password waits; the account is not locked, so its token still works
        assertThat(http.post("/api/v1/auth/login", null, World.map("username", "throttle-me", "password", World.PASSWORD))
                .status()).isEqualTo(429);
        assertThat(http.get("/api/v1/me", earlier).status()).isEqualTo(200);

        // an unknown name gets exactly the same answers, so guessing cannot tell which names exist
        List<Http.Response> unknown = parallelLogins("no-such-official", 40);
        assertThat(unknown.stream().filter(r -> r.status() == 401).count()).isEqualTo(5);
        assertThat(unknown.stream().filter(r -> r.status() == 429).count()).isEqualTo(35);
        assertThat(unknown.stream().filter(r -> r.status() == 401).findFirst().orElseThrow().json().get("detail").asText())
                .isEqualTo(guesses.stream().filter(r -> r.status() == 401).findFirst().orElseThrow().json().get("detail").asText());

        // once the wait is over (here: the clock of the throttle moved on), the official signs in
        jdbc.sql("UPDATE login_throttle SET blocked_until = NULL, failures = 0 WHERE throttle_key LIKE '%throttle-me%'").update();
        assertThat(http.post("/api/v1/auth/login", null, World.map("username", "throttle-me", "password", World.PASSWORD))
                .status()).isEqualTo(200);

        long uid = accounts.loadByUsername("throttle-me").orElseThrow().accountId();
        JsonNode trail = http.get("/api/v1/audit?subjectType=ACCOUNT&subjectId=" + uid, token("province-admin")).json();
        List<String> actions = StreamSupport.stream(trail.spliterator(), false).map(e -> e.get("action").asText()).toList();
        assertThat(actions).contains("LOGIN", "LOGIN_FAILED", "LOGIN_THROTTLED");
        assertThat(java.util.Collections.frequency(actions, "LOGIN_FAILED")).isEqualTo(5);
        jdbc.sql("DELETE FROM login_throttle").update();
    }

    private List<Http.Response> parallelLogins(String username, int n) throws Exception {
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(n)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Http.Response>> out = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String guess = "sai-" + i;
                out.add(pool.submit(() -> {
                    start.await();
                    return http.post("/api/v1/auth/login", null, World.map("username", username, "password", guess));
                }));
            }
            start.countDown();
            List<Http.Response> responses = new java.util.ArrayList<>();
            for (var f : out) {
                responses.add(f.get());
            }
            return responses;
        }
    }

    @Test
    void anIdNumberRegisteredElsewhereIsRefusedWithoutSayingWhereAuditedAndLimited() {
        String officer = token("commune-officer");
        // H'Hen Niê's number; she lives in Xã Hòa Phú, outside the officer's ward
        Map<String, Object> form = World.map("fullName", "Người Thử Trùng", "birthDate", "1990-01-01", "sex", "MALE",
                "idNumber", "066179000004", "residenceUnitCode", "24133.01");
        Http.Response r = http.post("/api/v1/persons", officer, form);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).startsWith("Số CCCD này đã có trong cơ sở dữ liệu");
        assertThat(r.body()).doesNotContain("Hen", "Hòa Phú", "24175");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE actor = 'commune-officer' AND action = 'ID_EXISTS'"))
                .isPositive();
        // tried number after number, the answers stop
        int status = 400;
        for (int i = 0; i < 12 && status == 400; i++) {
            status = http.post("/api/v1/persons", officer, form).status();
        }
        assertThat(status).isEqualTo(429);
        assertThat(count("SELECT COUNT(*) FROM person WHERE full_name = 'Người Thử Trùng'")).isZero();
        jdbc.sql("DELETE FROM audit_event WHERE action IN ('ID_EXISTS', 'ID_EXISTS_LIMIT')").update();
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndRedirectsNeverTakeTheClientsHost() throws Exception {
        Http.Response login = http.getHtml("/login");
        String csp = login.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(login.header("Referrer-Policy")).isEqualTo("same-origin");
        // plain HTTP without a proxy: no HSTS (it would be ignored, and wrong on a LAN install)
        assertThat(login.header("Strict-Transport-Security")).isNull();
        assertThat(String.join(";", login.headers().allValues("Set-Cookie"))).containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("HttpOnly");
        assertThat(http.get("/api/v1/me", null).header("Content-Security-Policy")).contains("default-src 'none'");
        // no inline script or style anywhere in the page the policy protects
        assertThat(login.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain(" style=\"", "<style");

        String location = rawGetLocation("/", "evil.example");
        assertThat(location).isNotNull().doesNotContain("evil.example").startsWith("/login");
    }

    /** A request whose Host header an attacker chose (Java's HTTP client will not send one). */
    private String rawGetLocation(String path, String host) throws java.io.IOException {
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String head = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return head.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9)).map(l -> l.substring(9).strip())
                    .findFirst().orElse(null);
        }
    }

    @Test
    void expiredTokenIsRefused() {
        var key = new SecretKeySpec(tokenSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        Instant past = Instant.now().minusSeconds(7200);
        long uid = accounts.loadByUsername("province-admin").orElseThrow().accountId();
        String expired = new NimbusJwtEncoder(new ImmutableSecret<>(key)).encode(JwtEncoderParameters.from(
                JwsHeader.with(MacAlgorithm.HS256).build(),
                JwtClaimsSet.builder().issuer("binhdan").subject("province-admin").claim("uid", uid)
                        .issuedAt(past.minusSeconds(3600)).expiresAt(past).build())).getTokenValue();
        Http.Response r = http.get("/api/v1/me", expired);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("detail").asText()).contains("hết hạn");
    }

    @Test
    void noTokenNoData() {
        assertThat(http.get("/api/v1/persons?q=nguyen", null).status()).isEqualTo(401);
    }

    @Test
    void searchIgnoresDiacriticsAndStaysInsideTheOfficersCommune() {
        String admin = token("province-admin");
        JsonNode hits = http.get("/api/v1/persons?q=nguyen%20van%20an", admin).json();
        assertThat(names(hits)).containsExactly("Nguyễn Văn An");
        assertThat(hits.get(0).get("idLast3").asText()).isEqualTo("001");
        assertThat(hits.get(0).has("idHash")).isFalse();

        String officer = token("commune-officer");
        assertThat(names(http.get("/api/v1/persons?q=nguyen", officer).json()))
                .containsExactlyInAnyOrder("Nguyễn Văn An", "Nguyễn Thị Hoa", "Nguyễn Minh Khôi");
        // H'Hen Niê lives in the other commune
        assertThat(names(http.get("/api/v1/persons?q=hen", officer).json())).isEmpty();
        assertThat(names(http.get("/api/v1/persons?q=hen", admin).json())).containsExactly("H'Hen Niê");
        // a civil servant of a provincial department living in this commune is visible by residence
        assertThat(names(http.get("/api/v1/persons?q=cuong", officer).json())).containsExactly("Lê Văn Cường");
    }

    @Test
    void anOfficerCannotReadAPersonOfAnotherCommuneAndEveryReadIsAudited() {
        long hen = person("H'Hen Niê");
        long an = person("Nguyễn Văn An");
        String officer = token("commune-officer");
        Http.Response denied = http.get("/api/v1/persons/" + hen, officer);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("detail").asText()).contains("không có quyền");

        Http.Response ok = http.get("/api/v1/persons/" + an, officer);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("fullName").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(ok.body()).doesNotContain("066085000001");

        JsonNode trail = http.get("/api/v1/audit?subjectType=PERSON&subjectId=" + an, token("province-admin")).json();
        assertThat(StreamSupport.stream(trail.spliterator(), false)
                .anyMatch(e -> e.get("actor").asText().equals("commune-officer") && e.get("action").asText().equals("READ")))
                .isTrue();
        // the officer of another province sees no trail of Đắk Lắk
        JsonNode other = http.get("/api/v1/audit?subjectType=PERSON&subjectId=" + an, token("lamdong-admin")).json();
        assertThat(other.size()).isZero();
        // officers are not administrators
        assertThat(http.get("/api/v1/audit", officer).status()).isEqualTo(403);
    }

    @Test
    void aLearnerSeesTheirOwnRecordOnly() {
        String learner = token("learner");
        assertThat(http.get("/api/v1/persons/" + person("Nguyễn Văn An"), learner).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/persons/" + person("Nguyễn Thị Hoa"), learner).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/persons?q=nguyen", learner).status()).isEqualTo(403);
    }

    @Test
    void countsPerTargetGroupRollUpTheTree() {
        // other scenarios add people to the shared province, so compare with the rows themselves
        String path = jdbc.sql("SELECT path FROM unit WHERE code = '24133'").query(String.class).single();
        JsonNode counts = http.get("/api/v1/units/" + unit("66") + "/counts", token("province-admin")).json();
        JsonNode ward = counts.get(String.valueOf(unit("24133")));
        assertThat(ward.get("residents").asLong()).isEqualTo(count(
                "SELECT COUNT(*) FROM person p JOIN unit u ON u.id = p.residence_unit_id WHERE u.path LIKE ?", path + "%"));
        assertThat(ward.get("byGroup").get("ADULT").asLong()).isEqualTo(count(
                "SELECT COUNT(*) FROM person p JOIN unit u ON u.id = p.residence_unit_id WHERE u.path LIKE ? AND p.birth_date <= ?",
                path + "%", java.sql.Date.valueOf(java.time.LocalDate.now().minusYears(18))));
        assertThat(ward.get("byGroup").get("STUDENT").asLong()).isEqualTo(count(
                "SELECT COUNT(*) FROM person_group g JOIN unit o ON o.id = g.org_unit_id WHERE o.path LIKE ? AND g.group_code = 'STUDENT'",
                path + "%")).isPositive();
        JsonNode province = counts.get(String.valueOf(unit("66")));
        assertThat(province.get("residents").asLong()).isGreaterThan(ward.get("residents").asLong());
        assertThat(province.get("byGroup").get("CIVIL_SERVANT").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(province.get("byGroup").get("WORKER").asLong()).isGreaterThanOrEqualTo(1);
        // the neighbouring province, which no scenario touches, has exactly its one adult resident
        JsonNode lamDong = http.get("/api/v1/units/" + unit("68") + "/counts", token("lamdong-admin")).json()
                .get(String.valueOf(unit("68")));
        assertThat(lamDong.get("residents").asLong()).isEqualTo(1);
        assertThat(lamDong.get("byGroup").get("ADULT").asLong()).isEqualTo(1);
        assertThat(lamDong.get("byGroup").get("CIVIL_SERVANT").asLong()).isZero();
    }

    // ------------------------------------------------------------------ audit of lists and refusals

    @Test
    void anOfficerListingAClassesAttendanceLeavesOneAuditEntryWithTheCount() {
        String officer = token("commune-officer");
        String admin = token("province-admin");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        JsonNode created = http.post("/api/v1/classes", officer, World.map("unitId", unit("24133.01"),
                "title", "Lớp nhật ký", "sessions", List.of(World.map("date", today, "startsAt", "08:00", "endsAt", "10:00"))))
                .json();
        long classId = created.get("id").asLong();
        long session = created.get("sessions").get(0).get("id").asLong();
        String attendance = "/api/v1/classes/" + classId + "/sessions/" + session + "/attendance";
        for (String name : List.of("Nguyễn Văn An", "Nguyễn Thị Hoa")) {
            assertThat(http.post(attendance, officer, World.map("personId", person(name))).status()).isEqualTo(200);
        }
        long before = latestEntry(admin);

        assertThat(http.get(attendance, officer).json().size()).isEqualTo(2);

        List<JsonNode> lists = entriesAfter(before, "/api/v1/audit?actor=commune-officer&action=LIST", admin);
        assertThat(lists).hasSize(1);
        JsonNode entry = lists.getFirst();
        assertThat(entry.get("subjectType").asText()).isEqualTo("class-attendance");
        assertThat(entry.get("persons").asInt()).isEqualTo(2);
        assertThat(entry.get("detail").asText()).contains("classId=" + classId, "sessionId=" + session);

        // the session's page shows its attendees and a name search: still one entry for the one page
        Http page = new Http(port, true);
        page.formLogin("commune-officer", World.PASSWORD);
        int found = http.get("/api/v1/persons?q=nguyen&limit=20", officer).json().size();
        long beforePage = latestEntry(admin);
        assertThat(page.getHtml("/classes/" + classId + "/sessions/" + session + "?q=nguyen").status()).isEqualTo(200);
        List<JsonNode> pageLists = entriesAfter(beforePage, "/api/v1/audit?actor=commune-officer&action=LIST", admin);
        assertThat(pageLists).hasSize(1);
        assertThat(pageLists.getFirst().get("persons").asInt()).isEqualTo(2 + found);
        assertThat(pageLists.getFirst().get("detail").asText()).contains("class-attendance", "person-search", "q=nguyen");
    }

    @Test
    void aPersonSearchIsAuditedWithItsQueryButNoIdNumberInClear() {
        String officer = token("commune-officer");
        String admin = token("province-admin");
        long before = latestEntry(admin);
        assertThat(names(http.get("/api/v1/persons?q=nguyen%20van%20an", officer).json())).containsExactly("Nguyễn Văn An");
        http.get("/api/v1/persons?q=066085000001", officer);

        List<JsonNode> lists = entriesAfter(before, "/api/v1/audit?actor=commune-officer&action=LIST", admin);
        assertThat(lists).hasSize(2);
        assertThat(lists).allSatisfy(e -> assertThat(e.get("subjectType").asText()).isEqualTo("person-search"));
        JsonNode byName = lists.get(1);
        assertThat(byName.get("detail").asText()).contains("q=nguyen van an");
        assertThat(byName.get("persons").asInt()).isEqualTo(1);
        JsonNode byNumber = lists.get(0);
        assertThat(byNumber.get("detail").asText()).doesNotContain("066085000001").contains("***001");
        assertThat(http.get("/api/v1/audit?action=LIST", admin).body()).doesNotContain("066085000001");
    }

    @Test
    void refusalsAreAuditedWithActorMethodAndPathFromTheApiAndThePages() {
        String officer = token("commune-officer");
        String admin = token("province-admin");
        long hen = person("H'Hen Niê");
        long before = latestEntry(admin);

        assertThat(http.get("/api/v1/persons/" + hen, officer).status()).isEqualTo(403);
        Http page = new Http(port, true);
        page.formLogin("commune-officer", World.PASSWORD);
        assertThat(page.getHtml("/persons/" + hen).status()).isEqualTo(403);
        // a form sent without its CSRF token is refused by the security filters themselves
        assertThat(page.postForm("/guidance/" + hen + "/withdraw", Map.of()).status()).isEqualTo(403);

        List<String> refused = entriesAfter(before, "/api/v1/audit?actor=commune-officer&action=REFUSED", admin).stream()
                .map(e -> e.get("detail").asText()).toList();
        assertThat(refused).containsExactlyInAnyOrder("GET /api/v1/persons/" + hen, "GET /persons/" + hen,
                "POST /guidance/" + hen + "/withdraw");
        // the officer's own refusal to read the trail is in it too
        assertThat(http.get("/api/v1/audit", officer).status()).isEqualTo(403);
        assertThat(entriesAfter(before, "/api/v1/audit?actor=commune-officer&action=REFUSED", admin).stream()
                .map(e -> e.get("detail").asText())).contains("GET /api/v1/audit");
    }

    @Test
    void theAuditFiltersByActorActionAndPersonInTheApiAndThePage() {
        String officer = token("commune-officer");
        String admin = token("province-admin");
        long hoa = person("Nguyễn Thị Hoa");
        long an = person("Nguyễn Văn An");
        http.get("/api/v1/persons/" + hoa, officer);
        http.get("/api/v1/persons/" + hoa, admin);
        http.get("/api/v1/persons/" + an, officer);

        JsonNode aboutHoa = http.get("/api/v1/audit?person=" + hoa, admin).json();
        assertThat(aboutHoa.size()).isGreaterThanOrEqualTo(2);
        aboutHoa.forEach(e -> assertThat(e.get("subjectId").asText()).isEqualTo(Long.toString(hoa)));
        JsonNode officersReads = http.get("/api/v1/audit?actor=commune-officer&action=READ&person=" + hoa, admin).json();
        assertThat(officersReads.size()).isPositive();
        officersReads.forEach(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("commune-officer");
            assertThat(e.get("action").asText()).isEqualTo("READ");
            assertThat(e.get("subjectId").asText()).isEqualTo(Long.toString(hoa));
        });

        Http page = new Http(port, true);
        page.formLogin("province-admin", World.PASSWORD);
        String html = page.getHtml("/audit?actor=commune-officer&action=READ&person=" + hoa).body();
        assertThat(html).contains("Xem danh sách người", "Bị từ chối truy cập", "Người dân (mã hồ sơ)")
                .contains("selected=\"selected\">Xem hồ sơ</option>")
                .contains("value=\"" + hoa + "\"");
        assertThat(html.split("<tbody>")[1]).contains("commune-officer").doesNotContain("province-admin");
        assertThat(page.getHtml("/audit?lang=en").body()).contains("Viewed a list of persons", "Person (record number)");
    }

    /** The newest entry the administrator can see, so a scenario looks only at what it caused. */
    private long latestEntry(String admin) {
        JsonNode last = http.get("/api/v1/audit?limit=1", admin).json();
        return last.isEmpty() ? 0 : last.get(0).get("id").asLong();
    }

    private List<JsonNode> entriesAfter(long id, String query, String admin) {
        return StreamSupport.stream(http.get(query, admin).json().spliterator(), false)
                .filter(e -> e.get("id").asLong() > id).toList();
    }

    // ------------------------------------------------------------------ bad input is a 400, never a 500

    @Test
    void anOverLongEthnicityIsRefusedInVietnameseNamingTheFieldAndNothingIsStored() {
        String officer = token("commune-officer");
        String tooLong = "Ê Đê " + "x".repeat(70);
        long before = count("SELECT COUNT(*) FROM person");
        Http.Response created = http.post("/api/v1/persons", officer, World.map("fullName", "Y Dài Quá",
                "birthDate", "1990-01-01", "sex", "MALE", "idNumber", "066090123456", "residenceUnitCode", "24133.01",
                "ethnicity", tooLong));
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.header("Content-Type")).contains("application/problem+json");
        assertThat(created.json().get("detail").asText()).isEqualTo(
                "Trường «ethnicity» dài quá giới hạn 64 ký tự. Vui lòng rút gọn rồi gửi lại.");
        assertThat(created.json().get("field").asText()).isEqualTo("ethnicity");
        assertThat(created.body()).doesNotContain("xxxxxxxxxx");
        assertThat(count("SELECT COUNT(*) FROM person")).isEqualTo(before);

        long an = person("Nguyễn Văn An");
        Http.Response updated = http.put("/api/v1/persons/" + an, officer, World.map("fullName", "Nguyễn Văn An",
                "birthDate", "1985-09-05", "sex", "MALE", "residenceUnitCode", "24133.01", "ethnicity", tooLong));
        assertThat(updated.status()).isEqualTo(400);
        assertThat(http.get("/api/v1/persons/" + an, officer).json().get("ethnicity").asText()).isEqualTo("Kinh");
    }

    /**
     * Every writable API endpoint, every text field of its JSON body, one at a time, one character
     * over its limit: always a 400 that names the field, never a 500 and never the database's
     * business. A new endpoint or field is walked without touching this test.
     */
    @Test
    void everyTextFieldOfEveryWritableEndpointIsRefusedWhenTooLong() {
        String admin = token("province-admin");
        List<String> walked = new java.util.ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (org.springframework.core.MethodParameter p : method.getMethodParameters()) {
                if (!p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.startsWith("/api/v1")) {
                        continue;
                    }
                    String path = pattern.replaceAll("\\{[^}]+}", "1");
                    for (var m : info.getMethodsCondition().getMethods()) {
                        for (TooLong t : tooLong(p.getGenericParameterType(), 0)) {
                            Http.Response r = m.name().equals("PUT") ? http.put(path, admin, t.body())
                                    : http.post(path, admin, t.body());
                            if (p.getParameterType().isAnnotationPresent(vn.binhdan.shared.TextLimits.CheckedPerItem.class)) {
                                // a phone's queue: the one bad entry is rejected, the queue itself accepted
                                assertThat(r.status()).as(m + " " + pattern + " " + t.field() + ": " + r.body()).isEqualTo(200);
                                assertThat(r.json().get("results").get(0).get("status").asText()).isEqualTo("REJECTED");
                            } else {
                                assertThat(r.status()).as(m + " " + pattern + " " + t.field() + ": " + r.body()).isEqualTo(400);
                                assertThat(r.json().get("field").asText()).as(m + " " + pattern).isEqualTo(t.field());
                            }
                            assertThat(r.body()).doesNotContain("xxxxxxxxxx");
                            walked.add(m + " " + pattern + " " + t.field());
                        }
                    }
                }
            }
        });
        assertThat(walked).contains("POST /api/v1/persons fullName", "PUT /api/v1/persons/{id} ethnicity",
                "POST /api/v1/guidance people[0].fullName", "POST /api/v1/guidance topics[0]", "POST /api/v1/classes title");
    }

    record TooLong(String field, Object body) {
    }

    /** A body per text field of a request type, that field one character over its limit. */
    private static List<TooLong> tooLong(java.lang.reflect.Type type, int depth) {
        List<TooLong> out = new java.util.ArrayList<>();
        if (depth > 4) {
            return out;
        }
        if (type instanceof java.lang.reflect.ParameterizedType pt && List.class.isAssignableFrom((Class<?>) pt.getRawType())) {
            for (TooLong t : tooLong(pt.getActualTypeArguments()[0], depth + 1)) {
                out.add(new TooLong("[0]." + t.field(), List.of(t.body())));
            }
            return out;
        }
        if (!(type instanceof Class<?> raw) || !raw.isRecord()) {
            return out;
        }
        // primitives must be present for the body to be read at all
        Map<String, Object> base = new java.util.LinkedHashMap<>();
        for (java.lang.reflect.RecordComponent c : raw.getRecordComponents()) {
            if (c.getType() == boolean.class) {
                base.put(c.getName(), false);
            } else if (c.getType().isPrimitive()) {
                base.put(c.getName(), 0);
            }
        }
        for (java.lang.reflect.RecordComponent c : raw.getRecordComponents()) {
            if (c.getType() == String.class) {
                out.add(new TooLong(c.getName(), with(base, c.getName(), over(c.getAccessor()
                        .getAnnotation(jakarta.validation.constraints.Size.class)))));
            } else if (List.class.isAssignableFrom(c.getType())
                    && c.getAnnotatedType() instanceof java.lang.reflect.AnnotatedParameterizedType apt) {
                var element = apt.getAnnotatedActualTypeArguments()[0];
                if (element.getType() == String.class) {
                    out.add(new TooLong(c.getName() + "[0]", with(base, c.getName(), List.of(over(
                            element.getAnnotation(jakarta.validation.constraints.Size.class))))));
                } else {
                    for (TooLong t : tooLong(c.getGenericType(), depth + 1)) {
                        out.add(new TooLong(c.getName() + t.field(), with(base, c.getName(), t.body())));
                    }
                }
            } else if (c.getType().isRecord()) {
                for (TooLong t : tooLong(c.getType(), depth + 1)) {
                    out.add(new TooLong(c.getName() + "." + t.field(), with(base, c.getName(), t.body())));
                }
            }
        }
        return out;
    }

    private static String over(jakarta.validation.constraints.Size size) {
        return "x".repeat((size == null ? vn.binhdan.shared.TextLimits.DEFAULT_MAX : size.max()) + 1);
    }

    private static Map<String, Object> with(Map<String, Object> base, String name, Object value) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(base);
        body.put(name, value);
        return body;
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    static List<String> names(JsonNode hits) {
        return StreamSupport.stream(hits.spliterator(), false).map(n -> n.get("fullName").asText()).toList();
    }
}

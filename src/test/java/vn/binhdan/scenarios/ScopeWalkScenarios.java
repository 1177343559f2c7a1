package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * Walks every API endpoint the application maps, as the officer of Phường Buôn Ma Thuột, with
 * the ids of records outside that ward: nothing may be read or changed. An endpoint missing
 * from the table fails the test, so a new endpoint cannot ship without its scope check.
 */
public abstract class ScopeWalkScenarios extends EndToEnd {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theCommuneOfficerCannotSeeOrChangeAnythingOutsideTheCommune() {
        String officer = token("commune-officer");
        String admin = token("province-admin");
        long otherCommune = unit("24175");
        long province = unit("66");
        long otherPerson = person("H'Hen Niê");
        String adminsImport = http.upload("/api/v1/imports", admin, Map.of("kind", "UNIT"), "u.csv",
                "code,name,type,parent_code\n24175.09,Buôn Mới,buôn,24175\n".getBytes(StandardCharsets.UTF_8))
                .json().get("job").get("id").asText();
        String before = snapshot();

        Map<String, Consumer<String>> walk = new LinkedHashMap<>();
        walk.put("GET /api/v1/me", t -> assertThat(ok(http.get("/api/v1/me", t)).body())
                .contains("commune-officer").doesNotContain("\"unitPath\":\"/" + province + "/\""));
        walk.put("GET /api/v1/units", t -> {
            assertThat(ok(http.get("/api/v1/units", t)).body()).contains("Buôn Ma Thuột").doesNotContain("Hòa Phú", "Tỉnh");
            denied(http.get("/api/v1/units?code=24175", t));
        });
        walk.put("GET /api/v1/units/{id}", t -> {
            denied(http.get("/api/v1/units/" + otherCommune, t));
            denied(http.get("/api/v1/units/" + province, t));
        });
        walk.put("GET /api/v1/units/{id}/children", t -> denied(http.get("/api/v1/units/" + province + "/children", t)));
        walk.put("GET /api/v1/units/{id}/subtree", t -> denied(http.get("/api/v1/units/" + province + "/subtree", t)));
        walk.put("GET /api/v1/units/{id}/history", t -> denied(http.get("/api/v1/units/" + otherCommune + "/history", t)));
        walk.put("POST /api/v1/units/{id}/rename", t -> {
            denied(http.post("/api/v1/units/" + otherCommune + "/rename", t, World.map("name", "Tên Mới", "effective", LocalDate.now().toString())));
            // an officer administers people, not the unit tree, even of their own ward
            denied(http.post("/api/v1/units/" + unit("24133") + "/rename", t, World.map("name", "Tên Mới", "effective", LocalDate.now().toString())));
        });
        walk.put("POST /api/v1/units/{id}/merge", t -> denied(http.post("/api/v1/units/" + unit("24133") + "/merge", t,
                World.map("sourceIds", List.of(otherCommune), "effective", LocalDate.now().toString()))));
        walk.put("GET /api/v1/units/{id}/counts", t -> denied(http.get("/api/v1/units/" + province + "/counts", t)));
        walk.put("GET /api/v1/units/{id}/denominators", t -> denied(http.get("/api/v1/units/" + otherCommune + "/denominators?year=2026", t)));
        walk.put("PUT /api/v1/units/{id}/denominators", t -> denied(http.put("/api/v1/units/" + otherCommune + "/denominators", t,
                World.map("group", "ADULT", "year", 2026, "value", 1))));
        walk.put("GET /api/v1/persons", t -> {
            assertThat(ok(http.get("/api/v1/persons?q=hen", t)).body()).isEqualTo("[]");
            assertThat(ok(http.get("/api/v1/persons?q=tran%20thi%20binh", t)).body()).isEqualTo("[]");
            denied(http.get("/api/v1/persons?q=&unitId=" + otherCommune, t));
        });
        walk.put("GET /api/v1/persons/{id}", t -> denied(http.get("/api/v1/persons/" + otherPerson, t)));
        walk.put("PUT /api/v1/persons/{id}", t -> denied(http.put("/api/v1/persons/" + otherPerson, t, World.map(
                "fullName", "Đổi Tên", "birthDate", "1979-11-20", "sex", "FEMALE", "residenceUnitCode", "24175.01"))));
        walk.put("POST /api/v1/persons", t -> denied(http.post("/api/v1/persons", t, World.map("fullName", "Người Mới",
                "birthDate", "1990-01-01", "sex", "MALE", "idNumber", "066090999999", "residenceUnitCode", "24175.01"))));
        walk.put("POST /api/v1/imports", t -> denied(http.upload("/api/v1/imports", t, Map.of("kind", "UNIT"), "u.csv",
                "code,name,type,parent_code\n24175.10,Buôn Khác,buôn,24175\n".getBytes(StandardCharsets.UTF_8))));
        walk.put("GET /api/v1/imports", t -> assertThat(ok(http.get("/api/v1/imports", t)).body()).doesNotContain(adminsImport));
        walk.put("GET /api/v1/imports/{id}", t -> denied(http.get("/api/v1/imports/" + adminsImport, t)));
        walk.put("POST /api/v1/imports/{id}/start", t -> denied(http.post("/api/v1/imports/" + adminsImport + "/start", t, null)));
        walk.put("GET /api/v1/imports/{id}/errors.xlsx", t -> denied(http.get("/api/v1/imports/" + adminsImport + "/errors.xlsx", t)));
        walk.put("GET /api/v1/audit", t -> denied(http.get("/api/v1/audit", t)));
        walk.put("POST /api/v1/auth/login", t -> {
            // public by nature; a login cannot widen anyone's scope
        });

        TreeSet<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/v1"))
                .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m + " " + p))));
        TreeSet<String> unwalked = new TreeSet<>(mapped);
        unwalked.removeAll(walk.keySet());
        if (!unwalked.isEmpty()) {
            fail("Endpoints without a scope check in this walk: " + unwalked);
        }
        mapped.forEach(endpoint -> walk.get(endpoint).accept(officer));
        assertThat(snapshot()).as("nothing outside the ward changed").isEqualTo(before);
    }

    @Test
    void theSameHoldsForEveryPageOfTheWebUi() {
        String admin = token("province-admin");
        long otherCommune = unit("24175");
        long otherPerson = person("H'Hen Niê");
        String adminsImport = http.upload("/api/v1/imports", admin, Map.of("kind", "PERSON"), "p.csv",
                "Họ và tên,Ngày sinh,Giới tính,Số CCCD,Mã đơn vị\nAi Đó,01/01/1990,Nam,066090777777,24175.01\n"
                        .getBytes(StandardCharsets.UTF_8)).json().get("job").get("id").asText();
        String before = snapshot();
        Http officer = new Http(port, true);
        officer.formLogin("commune-officer", World.PASSWORD);
        String csrf = Http.csrf(officer.getHtml("/imports").body());

        Map<String, Runnable> walk = new LinkedHashMap<>();
        walk.put("GET /", () -> assertThat(officer.getHtml("/").body()).contains("Phường Buôn Ma Thuột").doesNotContain("Hòa Phú"));
        walk.put("GET /login", () -> assertThat(officer.getHtml("/login").status()).isEqualTo(200));
        walk.put("GET /units", () -> assertThat(officer.getHtml("/units").body()).doesNotContain("Hòa Phú", "Tỉnh Đắk Lắk"));
        walk.put("GET /units/{id}", () -> pageDenied(officer.getHtml("/units/" + otherCommune)));
        walk.put("GET /persons", () -> {
            assertThat(officer.getHtml("/persons?q=hen").body()).doesNotContain("H&#39;Hen", "H'Hen");
            pageDenied(officer.getHtml("/persons?unit=" + otherCommune));
        });
        walk.put("GET /persons/{id}", () -> pageDenied(officer.getHtml("/persons/" + otherPerson)));
        walk.put("GET /imports", () -> assertThat(officer.getHtml("/imports").body()).doesNotContain(adminsImport));
        walk.put("POST /imports", () -> pageDenied(officer.upload("/imports", null, Map.of("kind", "UNIT", "_csrf", csrf),
                "u.csv", "code,name,type,parent_code\n24175.11,Buôn,buôn,24175\n".getBytes(StandardCharsets.UTF_8))));
        walk.put("GET /imports/{id}", () -> pageDenied(officer.getHtml("/imports/" + adminsImport)));
        walk.put("GET /imports/{id}/progress", () -> pageDenied(officer.getHtml("/imports/" + adminsImport + "/progress")));
        walk.put("POST /imports/{id}/start", () -> pageDenied(officer.postForm("/imports/" + adminsImport + "/start",
                Map.of("_csrf", csrf))));
        walk.put("GET /imports/{id}/errors.xlsx", () -> pageDenied(officer.getHtml("/imports/" + adminsImport + "/errors.xlsx")));
        walk.put("GET /audit", () -> pageDenied(officer.getHtml("/audit")));

        TreeSet<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream()
                .filter(p -> !p.startsWith("/api/") && !p.startsWith("/error") && !p.startsWith("/v3/")
                        && !p.startsWith("/swagger") && !method.getBeanType().getName().startsWith("org.springdoc"))
                .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m + " " + p))));
        TreeSet<String> unwalked = new TreeSet<>(mapped);
        unwalked.removeAll(walk.keySet());
        if (!unwalked.isEmpty()) {
            fail("Pages without a scope check in this walk: " + unwalked);
        }
        mapped.forEach(page -> walk.get(page).run());
        assertThat(snapshot()).as("nothing outside the ward changed").isEqualTo(before);
        assertThat(jdbc.sql("SELECT status FROM import_job WHERE id = ?").param(adminsImport).query(String.class).single())
                .isEqualTo("UPLOADED");
    }

    private static void pageDenied(Http.Response r) {
        assertThat(r.status()).as(r.body()).isIn(403, 404);
        assertThat(r.body()).contains("<h1>");
    }

    private String snapshot() {
        return jdbc.sql("SELECT COUNT(*) FROM unit").query(Long.class).single() + "/"
                + jdbc.sql("SELECT name FROM unit WHERE code = '24175'").query(String.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single() + "/"
                + jdbc.sql("SELECT full_name FROM person WHERE full_name LIKE 'H''Hen%'").query(String.class).single() + "/"
                + jdbc.sql("SELECT COUNT(*) FROM population_denominator").query(Long.class).single() + "/"
                + jdbc.sql("SELECT status FROM import_job WHERE created_by = 'province-admin' ORDER BY created_at DESC LIMIT 1")
                .query(String.class).single();
    }

    private static Http.Response ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    private static void denied(Http.Response r) {
        assertThat(r.status()).as(r.body()).isIn(403, 404);
        assertThat(r.json().get("detail").asText()).isNotBlank();
    }
}

package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.assessment.AttemptPassed;
import vn.binhdan.certification.CertificateIssued;
import vn.binhdan.certification.Certificates;
import vn.binhdan.monitoring.Metrics;
import vn.binhdan.monitoring.Rollups;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.World;

/**
 * Steering: live rollups of certification up the unit tree (each event once), the recompute
 * check, and the dashboards built on them.
 */
public abstract class SteeringScenarios extends EndToEnd {

    @Autowired
    Certificates certificates;
    @Autowired
    Rollups rollups;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    @BeforeAll
    void holders() {
        SystemUser.run(SystemUser.SYSTEM, () -> {
            if (jdbc.sql("SELECT COUNT(*) FROM person WHERE full_name = 'Phan Văn Điều'").query(Long.class).single() == 0) {
                World.expectDone(imports.runNow("PERSON", "steering-holders.csv",
                        World.fixture("steering-holders.csv"), null));
            }
        });
    }

    private String issue(String fullName, String attemptId) {
        long person = person(fullName);
        SystemUser.run(SystemUser.SYSTEM, () -> certificates.onPass(new AttemptPassed("passed:" + attemptId, attemptId,
                person, TargetGroup.ADULT, "1.0", 88, Instant.now())));
        return jdbc.sql("SELECT id FROM certificate WHERE attempt_id = ?").param(attemptId).query(String.class).single();
    }

    /** Certified adults of every unit on the holder's path and of a unit off it. */
    private Map<String, Long> adultsCertified(List<String> codes) {
        Map<Long, String> byId = new HashMap<>();
        codes.forEach(c -> byId.put(unit(c), c));
        Map<Long, Map<String, Long>> totals = rollups.totals(Metrics.CERTIFIED, byId.keySet());
        Map<String, Long> out = new HashMap<>();
        byId.forEach((id, code) -> out.put(code, totals.getOrDefault(id, Map.of()).getOrDefault("ADULT", 0L)));
        return out;
    }

    private void awaitRolledUp() throws InterruptedException {
        for (int i = 0; i < 100 && rollups.waiting() > 0; i++) {
            Thread.sleep(20);
        }
        assertThat(rollups.waiting()).as("changes still waiting a second after commit").isZero();
    }

    @Test
    void aCertificateRaisesEveryAncestorOnceEvenWhenItsEventComesAgain() throws Exception {
        List<String> path = List.of("66", "24133", "24133.01");
        List<String> offPath = List.of("24175", "68", "24133.02");
        List<String> all = new java.util.ArrayList<>(path);
        all.addAll(offPath);
        Map<String, Long> before = adultsCertified(all);

        String id = issue("Y Blô Mlô", "steer-1");
        awaitRolledUp();
        Map<String, Long> after = adultsCertified(all);
        path.forEach(c -> assertThat(after.get(c)).as("unit " + c).isEqualTo(before.get(c) + 1));
        offPath.forEach(c -> assertThat(after.get(c)).as("unit " + c).isEqualTo(before.get(c)));

        // the same event delivered again (a retry, a second instance) counts nothing
        long person = person("Y Blô Mlô");
        String unitPath = jdbc.sql("SELECT unit_path FROM certificate WHERE id = ?").param(id).query(String.class).single();
        tx.executeWithoutResult(s -> events.publishEvent(new CertificateIssued("certificate-issued:" + id, id, person,
                TargetGroup.ADULT, unitPath, unitPath, Instant.now())));
        rollups.drain();
        assertThat(adultsCertified(all)).isEqualTo(after);

        // revoking takes the person off every ancestor again
        String admin = token("province-admin");
        assertThat(http.post("/api/v1/certificates/" + id + "/revoke", admin, World.map("reason", "Cấp nhầm người")).status())
                .isEqualTo(200);
        awaitRolledUp();
        assertThat(adultsCertified(all)).isEqualTo(before);

        var check = http.post("/api/v1/monitoring/check", admin, Map.of()).json();
        assertThat(check.get("differences").asInt()).as(check.toString()).isZero();
        assertThat(check.get("compared").asLong()).isPositive();
    }

    @Test
    void theProvinceSeesEachGroupAgainstItsTargetAndItsCommunesRanked() throws Exception {
        String admin = token("province-admin");
        long province = unit("66");
        long ward = unit("24133");
        int year = java.time.LocalDate.now().getYear();
        // set at the top, inherited below
        for (String g : List.of("ADULT", "CIVIL_SERVANT", "STUDENT", "WORKER")) {
            var r = http.put("/api/v1/indicators/CERTIFIED_SHARE/targets", admin,
                    World.map("unitId", province, "group", g, "year", year, "value", 100));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        var tooHigh = http.put("/api/v1/indicators/CERTIFIED_SHARE/targets", admin,
                World.map("unitId", province, "group", "ADULT", "year", year, "value", 120));
        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(tooHigh.body()).contains("không được vượt quá 100%");
        var negative = http.put("/api/v1/indicators/CLASSES_HELD/targets", admin,
                World.map("unitId", province, "group", "ALL", "year", year, "value", -5));
        assertThat(negative.body()).contains("không được là số âm");
        var lamDong = http.put("/api/v1/indicators/CERTIFIED_SHARE/targets", admin,
                World.map("unitId", unit("68"), "group", "ADULT", "year", year, "value", 80));
        assertThat(lamDong.status()).isEqualTo(403);
        // a commune may hold itself to a different target than the province's
        String officer = token("commune-officer");
        assertThat(http.put("/api/v1/indicators/CERTIFIED_SHARE/targets", officer,
                World.map("unitId", ward, "group", "ADULT", "year", year, "value", 90)).status()).isEqualTo(200);

        issue("Phan Văn Điều", "steer-dash-1");
        awaitRolledUp();

        var d = http.get("/api/v1/dashboard/" + province + "?year=" + year, admin).json();
        var adults = kpi(d, "CERTIFIED_SHARE", "ADULT");
        long residents = jdbc.sql("""
                SELECT COUNT(*) FROM person p JOIN unit u ON u.id = p.residence_unit_id
                WHERE u.path LIKE ? AND p.birth_date <= ?""")
                .params("/" + province + "/%", java.sql.Date.valueOf(java.time.LocalDate.now().minusYears(18)))
                .query(Long.class).single();
        long certifiedAdults = jdbc.sql("""
                SELECT COUNT(DISTINCT person_id) FROM certificate WHERE revoked_at IS NULL AND target_group = 'ADULT'
                AND counted_path LIKE ?""").param("/" + province + "/%").query(Long.class).single();
        assertThat(adults.get("numerator").asLong()).isEqualTo(certifiedAdults);
        assertThat(adults.get("denominator").asLong()).isEqualTo(residents);
        assertThat(adults.get("value").asDouble())
                .isCloseTo(100.0 * certifiedAdults / residents, org.assertj.core.data.Offset.offset(0.06));
        assertThat(adults.get("target").asInt()).isEqualTo(100);
        assertThat(adults.get("targetInherited").asBoolean()).isFalse();
        assertThat(adults.get("status").asText()).isIn("BEHIND", "ON_TRACK");
        assertThat(adults.get("trend").size()).isEqualTo(java.time.LocalDate.now().getMonthValue());
        // a group nobody belongs to has no data, never 0 % or infinity
        var village = http.get("/api/v1/dashboard/" + unit("24133.01") + "?year=" + year, admin).json();
        assertThat(kpi(village, "CERTIFIED_SHARE", "CIVIL_SERVANT").has("value")).isFalse();
        assertThat(kpi(village, "CERTIFIED_SHARE", "CIVIL_SERVANT").get("status").asText()).isEqualTo("NO_DATA");

        List<String> ranked = new java.util.ArrayList<>();
        d.get("ranking").forEach(r -> ranked.add(r.get("unit").get("code").asText()));
        assertThat(ranked).contains("24133", "24175").doesNotContain("66-SKHCN");
        assertThat(d.get("ranking").get(0).get("unit").get("code").asText()).isEqualTo("24133");
        assertThat(d.get("ranking").get(0).get("rank").asInt()).isEqualTo(1);

        var wardView = http.get("/api/v1/dashboard/" + ward + "?year=" + year, officer).json();
        var wardAdults = kpi(wardView, "CERTIFIED_SHARE", "ADULT");
        assertThat(wardAdults.get("target").asInt()).isEqualTo(90);
        assertThat(kpi(wardView, "CERTIFIED_SHARE", "CIVIL_SERVANT").get("targetInherited").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/dashboard/" + unit("24175"), officer).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/dashboard/" + province, officer).status()).isEqualTo(403);

        // drill-down from the number to the people, within the viewer's scope
        var people = http.get("/api/v1/dashboard/" + ward + "/certified?group=ADULT", officer).json();
        List<String> names = new java.util.ArrayList<>();
        people.forEach(p -> names.add(p.get("fullName").asText()));
        assertThat(names).contains("Phan Văn Điều");

        // the page: every group against its target, the ranking, a chart that says what it shows
        var page = new vn.binhdan.support.Http(port, true);
        page.formLogin("province-admin", World.PASSWORD);
        String html = page.getHtml("/dashboard/" + province).body();
        assertThat(html).contains("Người dân trưởng thành", "Bảng xếp hạng thi đua", "Phường Buôn Ma Thuột",
                "Không có số liệu", "aria-label=\"Diễn biến");
        assertThat(page.getHtml("/dashboard/" + ward + "/certified?group=ADULT").body()).contains("Phan Văn Điều");
    }

    private static tools.jackson.databind.JsonNode kpi(tools.jackson.databind.JsonNode d, String indicator, String group) {
        for (var k : d.get("kpis")) {
            if (k.get("indicator").asText().equals(indicator) && k.get("group").asText().equals(group)) {
                return k;
            }
        }
        throw new AssertionError("no KPI " + indicator + "/" + group + " in " + d);
    }
}

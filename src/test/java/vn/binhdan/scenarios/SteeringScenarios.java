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
            if (jdbc.sql("SELECT COUNT(*) FROM person WHERE full_name = 'Võ Văn Chứng'").query(Long.class).single() == 0) {
                World.expectDone(imports.runNow("PERSON", "certificate-holders.csv",
                        World.fixture("certificate-holders.csv"), null));
            }
            // a holder of its own: the shared holders may already be certified by the certification
            // scenarios (same database, any order), and a certified person is not certified again
            if (jdbc.sql("SELECT COUNT(*) FROM person WHERE full_name = ?").param(HOLDER).query(Long.class).single() == 0) {
                String csv = "Họ và tên,Ngày sinh,Giới tính,Số CCCD,Mã đơn vị\n" + HOLDER + ",14/04/1984,Nữ,066184200099,24133.01\n";
                World.expectDone(imports.runNow("PERSON", "steering-holder.csv",
                        new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null));
            }
        });
    }

    static final String HOLDER = "Lò Thị Điều Hành";

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

        String id = issue(HOLDER, "steer-1");
        awaitRolledUp();
        Map<String, Long> after = adultsCertified(all);
        path.forEach(c -> assertThat(after.get(c)).as("unit " + c).isEqualTo(before.get(c) + 1));
        offPath.forEach(c -> assertThat(after.get(c)).as("unit " + c).isEqualTo(before.get(c)));

        // the same event delivered again (a retry, a second instance) counts nothing
        long person = person(HOLDER);
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
}

package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.binhdan.assessment.AttemptPassed;
import vn.binhdan.certification.Certificates;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * Certificates after a pass (the pass event is the contract with the exam): public verification
 * that says why a credential fails, revocation through the status list, key rotation that keeps
 * old certificates valid, and a PDF for the holder.
 */
public abstract class CertificationScenarios extends EndToEnd {

    @Autowired
    Certificates certificates;

    @BeforeAll
    void holders() {
        SystemUser.run(SystemUser.SYSTEM, () -> {
            if (jdbc.sql("SELECT COUNT(*) FROM person WHERE full_name = 'Võ Văn Chứng'").query(Long.class).single() == 0) {
                World.expectDone(imports.runNow("PERSON", "certificate-holders.csv",
                        World.fixture("certificate-holders.csv"), null));
            }
        });
    }

    private String issue(String fullName, String attemptId) {
        long person = person(fullName);
        SystemUser.run(SystemUser.SYSTEM, () -> certificates.onPass(new AttemptPassed("passed:" + attemptId, attemptId,
                person, TargetGroup.ADULT, "1.0", 88, java.time.Instant.now())));
        return jdbc.sql("SELECT id FROM certificate WHERE attempt_id = ?").param(attemptId).query(String.class).single();
    }

    @Test
    void anyoneCanVerifyAndAnAlteredOrRevokedCredentialSaysWhy() throws Exception {
        String id = issue("Đặng Thị Hường", "cert-test-1");
        assertThat(issueAgain("Đặng Thị Hường", "cert-test-1")).as("a pass is certified once").isEqualTo(1);

        JsonNode verdict = http.get("/api/v1/credentials/" + id + "/verify", null).json();
        assertThat(verdict.get("status").asText()).isEqualTo("VALID");
        assertThat(verdict.get("holderMasked").asText()).isEqualTo("Đặng T. H.");
        assertThat(verdict.toString()).doesNotContain("Hường");

        String officer = token("commune-officer");
        Http.Response credential = http.get("/api/v1/certificates/" + id + "/credential", officer);
        assertThat(credential.status()).isEqualTo(200);
        JsonNode vc = credential.json();
        assertThat(vc.get("type").toString()).contains("OpenBadgeCredential");
        assertThat(vc.get("proof").get("cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
        JsonNode identity = vc.get("credentialSubject").get("identifier").get(0);
        assertThat(identity.get("identityHash").asText())
                .isEqualTo(Certificates.nameHash("Đặng Thị Hường", identity.get("salt").asText()));
        assertThat(credential.body()).doesNotContain("Hường", "066168200001", "200001");

        JsonNode presented = http.post("/api/v1/credentials/verify", null, vc).json();
        assertThat(presented.get("status").asText()).isEqualTo("VALID");
        ObjectNode altered = (ObjectNode) vc.deepCopy();
        ((ObjectNode) altered.get("credentialSubject").get("achievement")).put("name", "Chuyên gia an ninh mạng");
        JsonNode refused = http.post("/api/v1/credentials/verify", null, altered).json();
        assertThat(refused.get("status").asText()).isEqualTo("INVALID");
        assertThat(refused.get("signatureValid").asBoolean()).isFalse();
        assertThat(refused.get("messages").get(0).asText()).contains("đã bị sửa sau khi ký");
        ObjectNode foreign = (ObjectNode) vc.deepCopy();
        foreign.put("id", "https://mooc.example/credentials/1");
        assertThat(http.post("/api/v1/credentials/verify", null, foreign).json().get("messages").get(0).asText())
                .contains("không do nền tảng");
        assertThat(http.post("/api/v1/credentials/verify", null, "not json").json().get("status").asText())
                .isEqualTo("INVALID");

        Http.Response pdf = http.get("/api/v1/certificates/" + id + "/pdf", officer);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        try (var doc = Loader.loadPDF(pdf.bytes())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Đặng Thị Hường").contains("GIẤY CHỨNG NHẬN");
        }

        assertThat(http.post("/api/v1/certificates/" + id + "/revoke", officer, World.map("reason", "Thi hộ")).status())
                .as("a commune officer cannot revoke").isEqualTo(403);
        String admin = token("province-admin");
        Http.Response noReason = http.post("/api/v1/certificates/" + id + "/revoke", admin, World.map("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        Http.Response revoked = http.post("/api/v1/certificates/" + id + "/revoke", admin,
                World.map("reason", "Có người thi hộ"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(http.post("/api/v1/certificates/" + id + "/revoke", admin, World.map("reason", "lần hai")).status())
                .isEqualTo(409);
        JsonNode after = http.get("/api/v1/credentials/" + id + "/verify", null).json();
        assertThat(after.get("status").asText()).isEqualTo("REVOKED");
        assertThat(after.get("signatureValid").asBoolean()).isTrue();
        assertThat(after.get("revocationReason").asText()).isEqualTo("Có người thi hộ");
        assertThat(after.get("messages").get(0).asText()).contains("đã bị thu hồi");

        // the public status list carries the revocation for verifiers that never call us
        int index = vc.get("credentialStatus").get("statusListIndex").asInt();
        Http.Response list = http.getHtml("/credentials/status/66");
        assertThat(list.status()).isEqualTo(200);
        assertThat(bit(list.json().get("credentialSubject").get("encodedList").asText(), index)).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'REVOKE' AND subject_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    private long issueAgain(String fullName, String attemptId) {
        long person = person(fullName);
        SystemUser.run(SystemUser.SYSTEM, () -> certificates.onPass(new AttemptPassed("passed:" + attemptId, attemptId,
                person, TargetGroup.ADULT, "1.0", 88, java.time.Instant.now())));
        return jdbc.sql("SELECT COUNT(*) FROM certificate WHERE person_id = ?").param(person).query(Long.class).single();
    }

    static boolean bit(String encodedList, int index) throws Exception {
        byte[] gz = Base64.getUrlDecoder().decode(encodedList.substring(1));
        byte[] bits = new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes();
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    @Test
    void aRotatedKeySignsNewCertificatesAndOldOnesStillVerify() {
        String before = issue("Võ Văn Chứng", "cert-test-2");
        String admin = token("province-admin");
        assertThat(http.post("/api/v1/issuers/66/keys", token("lamdong-admin"), null).status()).isEqualTo(403);
        Http.Response rotated = http.post("/api/v1/issuers/66/keys", admin, null);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newKey = rotated.json().get("keyId").asText();
        String after = issue("Ksor Nhận", "cert-test-3");
        String officer = token("commune-officer");
        String oldMethod = http.get("/api/v1/certificates/" + before + "/credential", officer).json().get("proof")
                .get("verificationMethod").asText();
        String newMethod = http.get("/api/v1/certificates/" + after + "/credential", officer).json().get("proof")
                .get("verificationMethod").asText();
        assertThat(newMethod).endsWith("#" + newKey).isNotEqualTo(oldMethod);
        assertThat(http.get("/api/v1/credentials/" + before + "/verify", null).json().get("status").asText()).isEqualTo("VALID");
        assertThat(http.get("/api/v1/credentials/" + after + "/verify", null).json().get("status").asText()).isEqualTo("VALID");
        JsonNode issuer = http.getHtml("/issuers/66").json();
        List<String> listed = issuer.get("assertionMethod").valueStream().map(JsonNode::asText).toList();
        assertThat(listed).contains(oldMethod, newMethod);
    }
}

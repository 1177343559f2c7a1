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
    @Autowired
    vn.binhdan.certification.Confirmations confirmations;
    @Autowired
    vn.binhdan.certification.ConfirmationProperties confirmationProps;

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

        // a person holding the paper types its number as it is printed, or as it comes out; or the QR's link
        String number = verdict.get("number").asText();
        String typed = number.toLowerCase(java.util.Locale.ROOT).replace("-", " - ");
        Http.Response byNumber = http.getHtml("/verify?q=" + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(byNumber.body()).contains("data-status=\"VALID\"", number, "Đặng T. H.").doesNotContain("Hường");
        Http.Response byLink = http.getHtml("/verify?q=" + java.net.URLEncoder.encode("https://x.gov.vn/verify/" + id,
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(byLink.body()).contains("data-status=\"VALID\"", number);
        assertThat(http.getHtml("/verify?q=24133-2026-00000000").body()).contains("data-status=\"NOT_FOUND\"");
        assertThat(http.getHtml("/verify?q=%3Cscript%3E").body()).contains("Số hiệu chưa đúng dạng")
                .doesNotContain("<script>");

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

    /** Digital Bazaar's verifier (Node.js), given only the credential and the issuer's published keys. */
    @Test
    void anIndependentVerifierAcceptsTheIssuedCredentialAndRejectsAnAlteredCopy(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        vn.binhdan.certification.IndependentVerifierTest.nodeAndItsModules();
        String id = issue("Lò Thị Kiểm", "cert-test-4");
        String vc = http.get("/api/v1/certificates/" + id + "/credential", token("commune-officer")).body();
        java.nio.file.Path credential = java.nio.file.Files.writeString(dir.resolve("vc.json"), vc);
        java.nio.file.Path issuer = java.nio.file.Files.writeString(dir.resolve("issuer.json"),
                http.getHtml("/issuers/66").body());
        JsonNode genuine = vn.binhdan.certification.IndependentVerifierTest.verify(credential, issuer, 0);
        assertThat(genuine.get("verified").asBoolean()).isTrue();
        ObjectNode tampered = (ObjectNode) Http.JSON.readTree(vc);
        tampered.put("name", "Chứng nhận chuyên gia");
        java.nio.file.Path altered = java.nio.file.Files.writeString(dir.resolve("altered.json"),
                Http.JSON.writeValueAsString(tampered));
        JsonNode refused = vn.binhdan.certification.IndependentVerifierTest.verify(altered, issuer, 1);
        assertThat(refused.get("verified").asBoolean()).isFalse();
    }

    @Test
    void everyCertificateReachesTheNationalPlatformEvenWhenItIsDownForAWhile() throws Exception {
        String id = issue("Hồ Văn Khai", "cert-test-5");
        long outbox = jdbc.sql("SELECT id FROM confirmation_outbox WHERE certificate_id = ?").param(id)
                .query(Long.class).single();
        // the hand-over folder cannot be written (a file stands where it should be): delivery fails
        java.nio.file.Path dir = confirmationProps.dir();
        deleteTree(dir);
        java.nio.file.Files.createDirectories(dir.getParent());
        java.nio.file.Files.writeString(dir, "not a folder");
        confirmations.dispatch();
        var failed = jdbc.sql("SELECT status, attempts, last_error FROM confirmation_outbox WHERE id = ?").param(outbox)
                .query().singleRow();
        assertThat(failed.get("status")).isEqualTo("PENDING");
        assertThat(((Number) failed.get("attempts")).intValue()).isEqualTo(1);
        assertThat((String) failed.get("last_error")).isNotBlank();
        String officer = token("commune-officer");
        JsonNode status = http.get("/api/v1/confirmations", officer).json();
        assertThat(status.get("notSent").toString()).contains(id);

        java.nio.file.Files.delete(dir);
        assertThat(http.post("/api/v1/confirmations/" + outbox + "/retry", officer, null).status()).isEqualTo(204);
        confirmations.dispatch();
        assertThat(jdbc.sql("SELECT status FROM confirmation_outbox WHERE id = ?").param(outbox).query(String.class)
                .single()).isEqualTo("SENT");
        String written;
        try (var files = java.nio.file.Files.list(dir)) {
            written = java.nio.file.Files.readString(files.findFirst().orElseThrow());
        }
        assertThat(written).contains(id).contains("DigitalSkillsConfirmation");
        confirmations.dispatch();
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(java.nio.file.Files.readAllLines(files.findFirst().orElseThrow()).stream()
                    .filter(line -> line.contains(id))).as("sent once").hasSize(1);
        }
    }

    private static void deleteTree(java.nio.file.Path dir) throws java.io.IOException {
        if (java.nio.file.Files.isDirectory(dir)) {
            try (var files = java.nio.file.Files.walk(dir)) {
                for (java.nio.file.Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(p);
                }
            }
        } else {
            java.nio.file.Files.deleteIfExists(dir);
        }
    }

    @Test
    void officersDeclarePeopleConfirmedElsewhereAndNobodyIsCountedTwice() {
        if (jdbc.sql("SELECT COUNT(*) FROM certificate WHERE person_id = ?").param(person("Hồ Văn Khai"))
                .query(Long.class).single() == 0) {
            issue("Hồ Văn Khai", "cert-test-6");
        }
        String header = "Số CCCD,Nhóm đối tượng,Ngày xác nhận,Nguồn\n";
        String bad = header
                + "066212000003,học sinh sinh viên,15/10/2025,Nền tảng MOOC quốc gia\n"
                + "066999999999,người dân,15/10/2025,MOOC\n"
                + "066081200005,người dân,15/10/2025,MOOC\n"
                + "066212000003,người dân,15/10/2025,MOOC\n"
                + "066212000003,học sinh,01/01/2099,MOOC\n"
                + "066212000003,học sinh,15/10/2025,MOOC\n";
        var admin = accounts.loadByUsername("province-admin").orElseThrow();
        var rejected = SystemUser.call(admin, () -> imports.runNow("DECLARED", "da-xac-nhan.csv",
                new ByteArrayInputStream(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null));
        assertThat(rejected.status()).isEqualTo(vn.binhdan.importing.ImportJob.Status.REJECTED);
        String errors = String.join("\n", SystemUser.call(admin, () -> imports.errors(rejected.id(), 20)));
        assertThat(errors).contains("Không có người mang số CCCD ***999")
                .contains("Hồ Văn Khai đã được xác nhận cho nhóm này")
                .contains("không thuộc nhóm đối tượng")
                .contains("Ngày xác nhận \"01/01/2099\" không hợp lệ")
                .contains("đã có ở dòng 2");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM declared_certification").query(Long.class).single()).isZero();

        String good = header + "066212000003,học sinh sinh viên,15/10/2025,Nền tảng MOOC quốc gia\n";
        var done = SystemUser.call(admin, () -> imports.runNow("DECLARED", "da-xac-nhan.csv",
                new ByteArrayInputStream(good.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null));
        World.expectDone(done);
        var again = SystemUser.call(admin, () -> imports.runNow("DECLARED", "da-xac-nhan.csv",
                new ByteArrayInputStream(good.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null));
        assertThat(again.status()).as("declared twice is refused").isEqualTo(vn.binhdan.importing.ImportJob.Status.REJECTED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM declared_certification WHERE person_id = ?")
                .param(person("Nguyễn Minh Khôi")).query(Long.class).single()).isEqualTo(1);
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

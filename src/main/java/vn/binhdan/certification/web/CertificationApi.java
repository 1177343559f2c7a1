package vn.binhdan.certification.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.certification.Certificate;
import vn.binhdan.certification.Certificates;
import vn.binhdan.certification.Verification;

/**
 * Certificates for their holders and officers, and verification for anyone: the verify
 * endpoints need no login, so an employer or a commune can check a certificate they are shown.
 */
@RestController
@RequestMapping("/api/v1")
class CertificationApi {

    private final Certificates certificates;

    CertificationApi(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/me/certificates")
    List<Certificate> mine() {
        return certificates.mine();
    }

    @GetMapping("/certificates/{id}")
    Certificate get(@PathVariable String id) {
        return certificates.get(id);
    }

    /** The signed credential exactly as issued (its bytes are what the signature covers once parsed). */
    @GetMapping("/certificates/{id}/credential")
    ResponseEntity<String> credential(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(certificates.credentialJson(id));
    }

    @GetMapping("/certificates/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(certificates.pdf(id));
    }

    record Revocation(String reason) {
    }

    @PostMapping("/certificates/{id}/revoke")
    Verification revoke(@PathVariable String id, @RequestBody Revocation revocation) {
        return certificates.revoke(id, revocation.reason());
    }

    @GetMapping("/credentials/{id}/verify")
    Verification verify(@PathVariable String id) {
        return certificates.verify(id);
    }

    /** Verifies a credential document as presented (the body is the credential JSON). */
    @PostMapping(value = "/credentials/verify", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/vc+ld+json",
            "application/ld+json", MediaType.TEXT_PLAIN_VALUE})
    Verification verifyDocument(@RequestBody String credential) {
        return certificates.verifyDocument(credential);
    }

    @PostMapping("/issuers/{code}/keys")
    ResponseEntity<Map<String, String>> rotate(@PathVariable String code) {
        return ResponseEntity.ok(Map.of("keyId", certificates.rotateKey(code)));
    }
}

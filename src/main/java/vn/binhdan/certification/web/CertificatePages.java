package vn.binhdan.certification.web;

import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.certification.Certificate;
import vn.binhdan.certification.Certificates;
import vn.binhdan.certification.Verification;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;

/**
 * The holder's certificate pages and the public verification page the QR code opens. The
 * issuer document and the status list are public JSON, for independent verifiers.
 */
@Controller
class CertificatePages {

    private final Certificates certificates;
    private final MessageSource messages;

    CertificatePages(Certificates certificates, MessageSource messages) {
        this.certificates = certificates;
        this.messages = messages;
    }

    @GetMapping("/certificates")
    String mine(Model model) {
        model.addAttribute("certificates", certificates.mine());
        return "certificates/mine";
    }

    @GetMapping("/certificates/{id}")
    String one(@PathVariable String id, Model model) {
        model.addAttribute("c", certificates.get(id));
        return "certificates/one";
    }

    @GetMapping("/certificates/{id}/certificate.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        Certificate c = certificates.get(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("giay-chung-nhan-" + c.number() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(certificates.pdf(id));
    }

    @GetMapping("/certificates/{id}/credential.json")
    ResponseEntity<String> credential(@PathVariable String id) {
        Certificate c = certificates.get(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/vc+ld+json"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("chung-nhan-" + c.number() + ".json", StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(certificates.credentialJson(id));
    }

    @GetMapping("/verify/{id}")
    String verify(@PathVariable String id, Model model) {
        Verification v = certificates.verify(id);
        model.addAttribute("v", v);
        model.addAttribute("canRevoke", v.certificateId() != null && v.status() != Verification.Status.NOT_FOUND
                && CurrentUser.find().map(u -> u.scopePaths(Certificates.REVOKERS).size() > 0).orElse(false)
                && v.revokedAt() == null);
        return "certificates/verify";
    }

    @GetMapping("/verify")
    String verifyForm(@RequestParam(required = false) String q, Model model) {
        if (q != null && !q.isBlank()) {
            String typed = q.length() > 300 ? q.substring(0, 300) : q;
            model.addAttribute("q", typed);
            try {
                model.addAttribute("v", certificates.verifyTyped(typed));
                model.addAttribute("canRevoke", false);
            } catch (BusinessException e) {
                model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
            }
        }
        return "certificates/verify";
    }

    @PostMapping("/verify")
    String verifyDocument(@RequestParam String credential, Model model) {
        model.addAttribute("v", certificates.verifyDocument(credential));
        model.addAttribute("canRevoke", false);
        return "certificates/verify";
    }

    @PostMapping("/verify/{id}/revoke")
    String revoke(@PathVariable String id, @RequestParam String reason, RedirectAttributes flash) {
        try {
            certificates.revoke(id, reason);
            flash.addFlashAttribute("notice", messages.getMessage("verify.revoked", null, LocaleContextHolder.getLocale()));
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
        }
        return "redirect:/verify/" + id;
    }

    @GetMapping("/issuers/{code}")
    ResponseEntity<String> issuer(@PathVariable String code) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
                .contentType(MediaType.APPLICATION_JSON).body(certificates.issuerDocument(code));
    }

    @GetMapping("/credentials/status/{code}")
    ResponseEntity<String> statusList(@PathVariable String code) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(1)))
                .contentType(MediaType.parseMediaType("application/vc+ld+json")).body(certificates.statusList(code));
    }
}

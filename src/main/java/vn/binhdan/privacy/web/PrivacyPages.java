package vn.binhdan.privacy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;
import vn.binhdan.privacy.ConsentChoice;
import vn.binhdan.privacy.CorrectionAnswer;
import vn.binhdan.privacy.CorrectionRequest;
import vn.binhdan.privacy.Corrections;
import vn.binhdan.privacy.Erasure;
import vn.binhdan.privacy.Erasures;
import vn.binhdan.privacy.MyData;
import vn.binhdan.privacy.MyDataService;
import vn.binhdan.privacy.PrivacyNotices;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.privacy.ConsentPurpose;

/** The person's privacy notice and choices, their data, and the officers' correction tasks. */
@Controller
class PrivacyPages {

    private final PrivacyNotices notices;
    private final MyDataService data;
    private final Corrections corrections;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Erasures erasures;

    PrivacyPages(PrivacyNotices notices, MyDataService data, Corrections corrections, MessageSource messages,
                 ObjectMapper json, Erasures erasures) {
        this.erasures = erasures;
        this.notices = notices;
        this.data = data;
        this.corrections = corrections;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/me/privacy")
    String privacy(Model model) {
        model.addAttribute("p", notices.mine());
        model.addAttribute("purposes", ConsentPurpose.values());
        return "privacy/notice";
    }

    @PostMapping("/me/privacy")
    String decide(@RequestParam(required = false) Long noticeId, @RequestParam Map<String, String> form,
                  RedirectAttributes flash) {
        Map<String, Boolean> choices = new LinkedHashMap<>();
        for (ConsentPurpose p : ConsentPurpose.values()) {
            String v = form.get(p.name());
            if (v != null) {
                choices.put(p.name(), "yes".equals(v));
            }
        }
        notices.decide(new ConsentChoice(noticeId, choices));
        flash.addFlashAttribute("notice", message("privacy.consent.saved"));
        return "redirect:/me/privacy";
    }

    @GetMapping("/me/data")
    String myData(Model model) {
        return dataPage(model, null, Map.of());
    }

    private String dataPage(Model model, String problem, Map<String, String> typed) {
        model.addAttribute("d", data.mine());
        model.addAttribute("fields", Corrections.FIELDS.stream().sorted().toList());
        model.addAttribute("problem", problem);
        model.addAttribute("typed", typed);
        model.addAttribute("erasure", erasures.check());
        return "privacy/my-data";
    }

    @GetMapping("/me/data/download")
    ResponseEntity<byte[]> download(@RequestParam(defaultValue = "json") String format) {
        MyData mine = data.mine();
        if ("xlsx".equals(format)) {
            return ResponseEntity.ok().contentType(PrivacyApi.XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"du-lieu-cua-toi.xlsx\"")
                    .body(data.xlsx(mine));
        }
        return ResponseEntity.ok().contentType(new MediaType("application", "json", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"du-lieu-cua-toi.json\"")
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(mine));
    }

    @PostMapping("/me/data/corrections")
    String ask(@RequestParam(required = false) String field, @RequestParam(required = false) String requestedValue,
               @RequestParam(required = false) String reason, Model model, HttpServletResponse response,
               RedirectAttributes flash) {
        try {
            corrections.ask(new CorrectionRequest(null, field, requestedValue, reason));
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            response.setStatus(e.status());
            return dataPage(model, message(e.messageKey(), e.args()), Map.of("field", nz(field),
                    "requestedValue", nz(requestedValue), "reason", nz(reason)));
        }
        flash.addFlashAttribute("notice", message("privacy.correction.sent"));
        return "redirect:/me/data#corrections";
    }

    /**
     * Deletes the account on the person's confirmed request and shows what was done; the session
     * ends with the account. Under a legal hold the page says which duty keeps the data.
     */
    @PostMapping("/me/data/erasure")
    String erase(@RequestParam(required = false) String confirm, Model model, HttpServletRequest request,
                 HttpServletResponse response) {
        if (!"yes".equals(confirm)) {
            response.setStatus(400);
            return dataPage(model, message("privacy.erasure.confirmRequired"), Map.of());
        }
        Erasure done;
        try {
            done = erasures.erase();
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            response.setStatus(e.status());
            return dataPage(model, message(e.messageKey(), e.args()), Map.of());
        }
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        // signed out: the page carries no menu of an account that no longer exists
        model.addAttribute("nav", null);
        model.addAttribute("done", done);
        return "privacy/erased";
    }

    @GetMapping("/privacy/corrections")
    String queue(@RequestParam(defaultValue = "true") boolean open, Model model) {
        model.addAttribute("items", corrections.queue(open));
        model.addAttribute("open", open);
        return "privacy/corrections";
    }

    @PostMapping("/privacy/corrections/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String reply, RedirectAttributes flash) {
        try {
            corrections.answer(id, new CorrectionAnswer(outcome, reply));
            flash.addFlashAttribute("notice", message("privacy.correction.answered"));
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            flash.addFlashAttribute("problem", message(e.messageKey(), e.args()));
        }
        return "redirect:/privacy/corrections";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String message(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}

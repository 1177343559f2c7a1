package vn.binhdan.certification.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.certification.Confirmations;

/** The outbox's status page for officers, and the same as JSON for the province's monitoring. */
@Controller
class ConfirmationPages {

    private final Confirmations confirmations;
    private final MessageSource messages;

    ConfirmationPages(Confirmations confirmations, MessageSource messages) {
        this.confirmations = confirmations;
        this.messages = messages;
    }

    @GetMapping("/confirmations")
    String page(Model model) {
        model.addAttribute("status", confirmations.status());
        return "certificates/confirmations";
    }

    @PostMapping("/confirmations/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes flash) {
        confirmations.retry(id);
        flash.addFlashAttribute("notice", messages.getMessage("confirmation.retried", null, LocaleContextHolder.getLocale()));
        return "redirect:/confirmations";
    }

    @GetMapping("/api/v1/confirmations")
    @ResponseBody
    Confirmations.Status status() {
        return confirmations.status();
    }

    @PostMapping("/api/v1/confirmations/{id}/retry")
    @ResponseBody
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void retryApi(@PathVariable long id) {
        confirmations.retry(id);
    }
}

package vn.binhdan.campaign.web;

import java.time.LocalDate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.campaign.CommitmentForm;
import vn.binhdan.campaign.CommitmentKind;
import vn.binhdan.campaign.DeliveryForm;
import vn.binhdan.campaign.Partner;
import vn.binhdan.campaign.PartnerForm;
import vn.binhdan.campaign.PartnerKind;
import vn.binhdan.campaign.Partners;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;

/**
 * The partners in the browser: the register with delivered against committed, a partner's
 * commitments with their deliveries, and the forms the province's administrator fills in.
 */
@Controller
class PartnerPages {

    private final Partners partners;
    private final MessageSource messages;

    PartnerPages(Partners partners, MessageSource messages) {
        this.partners = partners;
        this.messages = messages;
    }

    @GetMapping("/partners")
    String list(Model model) {
        model.addAttribute("partners", partners.list(null));
        model.addAttribute("registrars", partners.registrars());
        model.addAttribute("kinds", PartnerKind.values());
        return "plans/partners";
    }

    @PostMapping("/partners")
    String register(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String name,
                    @RequestParam(required = false) PartnerKind kind, @RequestParam(required = false) String contact,
                    RedirectAttributes flash) {
        try {
            Partner p = partners.register(new PartnerForm(unitId, name, kind, contact));
            flash.addFlashAttribute("notice", message("partner.registered"));
            return "redirect:/partners/" + p.id();
        } catch (BusinessException e) {
            refused(e, flash);
            return "redirect:/partners";
        }
    }

    @GetMapping("/partners/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("partner", partners.get(id));
        model.addAttribute("kinds", CommitmentKind.values());
        model.addAttribute("lines", partners.sponsorshipLines(id));
        model.addAttribute("today", LocalDate.now());
        return "plans/partner";
    }

    @PostMapping("/partners/{id}/commitments")
    String commit(@PathVariable long id, @RequestParam(required = false) CommitmentKind kind,
                  @RequestParam(required = false) String description, @RequestParam(required = false) Long quantity,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
                  @RequestParam(required = false) Long budgetLineId, @RequestParam(required = false) String supportsKind,
                  @RequestParam(required = false) Long supportsId, RedirectAttributes flash) {
        try {
            partners.commit(id, new CommitmentForm(kind, description, quantity, startsOn, endsOn, budgetLineId,
                    supportsKind, supportsId, null));
            flash.addFlashAttribute("notice", message("partner.committed"));
        } catch (BusinessException e) {
            refused(e, flash);
        }
        return "redirect:/partners/" + id;
    }

    @PostMapping("/partner-commitments/{id}/deliveries")
    String deliver(@PathVariable long id, @RequestParam(required = false)
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveredOn,
                   @RequestParam(required = false) Long quantity, @RequestParam(required = false) String documentRef,
                   @RequestParam(required = false) Long partnerId, RedirectAttributes flash) {
        try {
            Partner p = partners.deliver(id, new DeliveryForm(deliveredOn, quantity, documentRef, null));
            flash.addFlashAttribute("notice", message("partner.delivered"));
            return "redirect:/partners/" + p.id();
        } catch (BusinessException e) {
            refused(e, flash);
            return partnerId == null ? "redirect:/partners" : "redirect:/partners/" + partnerId;
        }
    }

    private void refused(BusinessException e, RedirectAttributes flash) {
        if (e instanceof ForbiddenException || e instanceof NotFoundException) {
            throw e;
        }
        flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}

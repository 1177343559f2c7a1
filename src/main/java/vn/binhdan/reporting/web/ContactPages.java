package vn.binhdan.reporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.reporting.InvalidReport;
import vn.binhdan.reporting.ReportContacts;
import vn.binhdan.reporting.UnitContact;

/** The page where a unit keeps the contact its report reminders go to. */
@Controller
class ContactPages {

    private final ReportContacts contacts;
    private final MessageSource messages;

    ContactPages(ReportContacts contacts, MessageSource messages) {
        this.contacts = contacts;
        this.messages = messages;
    }

    @GetMapping("/reports/contacts/{unitId}")
    String show(@PathVariable long unitId, Model model) {
        UnitContact c = contacts.get(unitId);
        return page(model, c, Map.of("person", nz(c.person()), "email", nz(c.email()), "phone", nz(c.phone())), List.of());
    }

    @PostMapping("/reports/contacts/{unitId}")
    String save(@PathVariable long unitId, @RequestParam(required = false) String person,
                @RequestParam(required = false) String email, @RequestParam(required = false) String phone, Model model,
                HttpServletResponse response, RedirectAttributes flash) {
        try {
            contacts.save(unitId, new ReportContacts.ContactRequest(person, email, phone));
        } catch (InvalidReport e) {
            response.setStatus(e.status());
            return page(model, contacts.get(unitId), Map.of("person", nz(person), "email", nz(email), "phone", nz(phone)),
                    e.errors().stream().map(f -> new ReportPages.Problem(f.field(), message(f.messageKey(), f.args())))
                            .toList());
        }
        flash.addFlashAttribute("notice", message("contact.saved"));
        return "redirect:/reports/contacts/" + unitId;
    }

    private String page(Model model, UnitContact contact, Map<String, String> typed, List<ReportPages.Problem> problems) {
        model.addAttribute("c", contact);
        model.addAttribute("typed", typed);
        model.addAttribute("editable", contacts.editable(contact.unitId()));
        model.addAttribute("problems", problems);
        Map<String, String> byField = new LinkedHashMap<>();
        problems.stream().filter(p -> p.field() != null).forEach(p -> byField.putIfAbsent(p.field(), p.message()));
        model.addAttribute("fieldErrors", byField);
        return "reports/contact";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String message(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}

package vn.binhdan.privacy.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.privacy.Breach;
import vn.binhdan.privacy.BreachForm;
import vn.binhdan.privacy.Breaches;
import vn.binhdan.privacy.NoticeDraft;
import vn.binhdan.privacy.PrivacyNotices;
import vn.binhdan.privacy.Retention;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/** The province's side: publishing the notice, the retention rules and what their runs did. */
@Controller
class PrivacyAdminPages {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private final PrivacyNotices notices;
    private final Retention retention;
    private final Units units;
    private final MessageSource messages;
    private final Breaches breaches;

    PrivacyAdminPages(PrivacyNotices notices, Retention retention, Units units, MessageSource messages,
                      Breaches breaches) {
        this.breaches = breaches;
        this.notices = notices;
        this.retention = retention;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/privacy/admin")
    String admin(Model model) {
        model.addAttribute("notices", notices.notices());
        model.addAttribute("rules", retention.rules());
        model.addAttribute("runs", retention.runs());
        model.addAttribute("scope", scope());
        return "privacy/admin";
    }

    private List<Unit> scope() {
        AppUser user = CurrentUser.require();
        List<Unit> scope = new ArrayList<>();
        if (user.has(Role.SYSTEM_ADMIN)) {
            scope.addAll(units.roots());
        }
        user.grants().stream().filter(g -> g.role() == Role.PROVINCE_ADMIN)
                .forEach(g -> units.find(g.unitId()).ifPresent(scope::add));
        return scope;
    }

    /** The breach log: overdue notifications first in the eye, by a border and the word, not colour alone. */
    @GetMapping("/privacy/breaches")
    String breaches(Model model) {
        return breachPage(model, null, Map.of());
    }

    private String breachPage(Model model, String problem, Map<String, String> typed) {
        List<Breach> items = breaches.list();
        model.addAttribute("items", items);
        model.addAttribute("overdue", items.stream().filter(b -> b.overdue() && b.notifiedAt() == null).count());
        model.addAttribute("scope", scope());
        model.addAttribute("problem", problem);
        model.addAttribute("typed", typed);
        return "privacy/breaches";
    }

    @PostMapping("/privacy/breaches")
    String record(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String description,
                  @RequestParam(required = false) String foundAt, @RequestParam(required = false) String affected,
                  @RequestParam(required = false) String actions, @RequestParam(required = false) String notifiedAt,
                  Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            breaches.record(new BreachForm(unitId, description, localTime(foundAt, "foundAt"), affected, actions,
                    localTime(notifiedAt, "notifiedAt")));
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            response.setStatus(e.status());
            Map<String, String> typed = new HashMap<>();
            typed.put("unitId", unitId == null ? "" : String.valueOf(unitId));
            typed.put("description", nz(description));
            typed.put("foundAt", nz(foundAt));
            typed.put("affected", nz(affected));
            typed.put("actions", nz(actions));
            typed.put("notifiedAt", nz(notifiedAt));
            return breachPage(model, message(e.messageKey(), e.args()), typed);
        }
        flash.addFlashAttribute("notice", message("privacy.breaches.recorded"));
        return "redirect:/privacy/breaches";
    }

    @PostMapping("/privacy/breaches/{id}")
    String updateBreach(@PathVariable long id, @RequestParam(required = false) String actions,
                        @RequestParam(required = false) String notifiedAt, RedirectAttributes flash) {
        try {
            breaches.update(id, new BreachForm(null, null, null, null, actions, localTime(notifiedAt, "notifiedAt")));
            flash.addFlashAttribute("notice", message("privacy.breaches.updated"));
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            flash.addFlashAttribute("problem", message(e.messageKey(), e.args()));
        }
        return "redirect:/privacy/breaches";
    }

    /** A time typed in the page's date-time field, read in Vietnam's time. */
    private static Instant localTime(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed.strip()).atZone(VN).toInstant();
        } catch (DateTimeParseException e) {
            throw new BusinessException("privacy.breaches.timeInvalid", field);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @PostMapping("/privacy/notices")
    String publish(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String title,
                   @RequestParam(required = false) String body, @RequestParam(required = false) String contact,
                   RedirectAttributes flash) {
        return act(flash, "privacy.notice.published", () -> notices.publish(new NoticeDraft(unitId, title, body, contact)));
    }

    @PostMapping("/privacy/retention/rules/{kind}")
    String rule(@PathVariable String kind, @RequestParam(required = false) Integer days, RedirectAttributes flash) {
        return act(flash, "privacy.retention.saved", () -> retention.setRule(kind, days));
    }

    @PostMapping("/privacy/retention/runs")
    String run(RedirectAttributes flash) {
        return act(flash, "privacy.retention.ran", retention::runNow);
    }

    private String act(RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", message(done));
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            flash.addFlashAttribute("problem", message(e.messageKey(), e.args()));
        }
        return "redirect:/privacy/admin";
    }

    private String message(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}

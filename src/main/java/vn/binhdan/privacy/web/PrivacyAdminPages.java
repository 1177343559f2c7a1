package vn.binhdan.privacy.web;

import java.util.ArrayList;
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

    private final PrivacyNotices notices;
    private final Retention retention;
    private final Units units;
    private final MessageSource messages;

    PrivacyAdminPages(PrivacyNotices notices, Retention retention, Units units, MessageSource messages) {
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
        AppUser user = CurrentUser.require();
        List<Unit> scope = new ArrayList<>();
        if (user.has(Role.SYSTEM_ADMIN)) {
            scope.addAll(units.roots());
        }
        user.grants().stream().filter(g -> g.role() == Role.PROVINCE_ADMIN)
                .forEach(g -> units.find(g.unitId()).ifPresent(scope::add));
        model.addAttribute("scope", scope);
        return "privacy/admin";
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

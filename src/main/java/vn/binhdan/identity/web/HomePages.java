package vn.binhdan.identity.web;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.web.HomeCard;
import vn.binhdan.shared.web.HomeSection;
import vn.binhdan.shared.web.LoginNotice;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

@Controller
class HomePages {

    record GrantView(Role role, Unit unit) {
    }

    private final Units units;
    private final ObjectProvider<ClientRegistrationRepository> oidc;
    private final MessageSource messages;
    private final ObjectProvider<HomeSection> sections;
    private final ObjectProvider<LoginNotice> notices;

    HomePages(Units units, ObjectProvider<ClientRegistrationRepository> oidc, MessageSource messages,
              ObjectProvider<HomeSection> sections, ObjectProvider<LoginNotice> notices) {
        this.notices = notices;
        this.units = units;
        this.oidc = oidc;
        this.messages = messages;
        this.sections = sections;
    }

    private static final Map<String, String> ERRORS = Map.of(
            "bad", "login.bad", "throttled", "login.throttled", "disabled", "login.disabled",
            "oidc-noid", "login.oidc.noId", "oidc-unknown", "login.oidc.unknownPerson");

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) Integer wait, Model model) {
        if (error != null) {
            String key = ERRORS.getOrDefault(error, error.startsWith("oidc") ? "login.oidc.failed" : "login.bad");
            int seconds = wait == null ? 30 : Math.max(1, Math.min(wait, 3600));
            model.addAttribute("error", messages.getMessage(key, new Object[]{seconds}, LocaleContextHolder.getLocale()));
        }
        model.addAttribute("notices", notices.stream().map(LoginNotice::messageKey).flatMap(java.util.Optional::stream)
                .map(key -> messages.getMessage(key, null, LocaleContextHolder.getLocale())).toList());
        if (oidc.getIfAvailable() instanceof InMemoryClientRegistrationRepository repo && repo.iterator().hasNext()) {
            model.addAttribute("oidc", repo.iterator().next().getRegistrationId());
        }
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        AppUser user = CurrentUser.require();
        List<GrantView> grants = user.grants().stream()
                .map(g -> new GrantView(g.role(), units.find(g.unitId()).orElse(null)))
                .filter(g -> g.unit() != null).toList();
        model.addAttribute("user", user);
        model.addAttribute("grants", grants);
        model.addAttribute("cards", sections.stream().map(s -> s.card(user)).flatMap(java.util.Optional::stream)
                .sorted(java.util.Comparator.comparingInt(HomeCard::order)).toList());
        return "home";
    }
}

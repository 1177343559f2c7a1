package vn.binhdan.shared.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.Role;

/**
 * Text size and contrast chosen by the reader, kept in cookies so they work without
 * JavaScript and on every page (WCAG 1.4.4 resize text; a high-contrast mode for weak eyes).
 */
@Controller
@ControllerAdvice
class DisplayPrefs {

    static final String TEXT = "bd_text";
    static final String CONTRAST = "bd_contrast";
    private static final Set<String> SIZES = Set.of("normal", "large", "xlarge");

    /**
     * The page's display class and menu, added in one model method: the advice runs before every
     * handler, API calls included, and each model method costs an annotation lookup per request.
     */
    @ModelAttribute
    void prefs(jakarta.servlet.http.HttpServletRequest request, org.springframework.ui.Model model) {
        String text = null;
        String contrast = null;
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (jakarta.servlet.http.Cookie c : cookies) {
                if (TEXT.equals(c.getName())) {
                    text = c.getValue();
                } else if (CONTRAST.equals(c.getName())) {
                    contrast = c.getValue();
                }
            }
        }
        model.addAttribute("displayClass", displayClass(text, contrast));
        model.addAttribute("nav", nav());
    }

    static String displayClass(String text, String contrast) {
        StringBuilder css = new StringBuilder();
        // "normal" too: on a phone no choice means large, so a chosen normal must be told apart
        if (text != null && SIZES.contains(text)) {
            css.append("text-").append(text);
        }
        if ("high".equals(contrast)) {
            css.append(css.isEmpty() ? "" : " ").append("contrast-high");
        }
        return css.toString();
    }

    /** Which menu entries the signed-in user gets, worked out once per page rather than per link. */
    public record Nav(boolean author, boolean persons, boolean imports, boolean audit, boolean confirmations,
                      boolean dashboard, boolean plans, boolean reports, boolean community, boolean checkin) {
    }

    static Nav nav() {
        return CurrentUser.find().map(u -> {
            Set<Role> r = u.roles();
            boolean admin = r.contains(Role.PROVINCE_ADMIN) || r.contains(Role.SYSTEM_ADMIN);
            return new Nav(admin || r.contains(Role.CONTENT_AUTHOR),
                    admin || r.contains(Role.TEAM_MEMBER) || r.contains(Role.COMMUNE_OFFICER) || r.contains(Role.AGENCY_OFFICER),
                    admin || r.contains(Role.COMMUNE_OFFICER), admin,
                    admin || r.contains(Role.COMMUNE_OFFICER) || r.contains(Role.AGENCY_OFFICER),
                    admin || r.contains(Role.COMMUNE_OFFICER) || r.contains(Role.AGENCY_OFFICER)
                            || r.contains(Role.TEAM_MEMBER),
                    // plans are read by the officers of the units that lead or co-ordinate their tasks
                    admin || r.contains(Role.COMMUNE_OFFICER) || r.contains(Role.AGENCY_OFFICER),
                    // periodic reports are written by communes and provinces, and decided by the level above
                    admin || r.contains(Role.COMMUNE_OFFICER),
                    // teams, guidance, classes and outreach are kept by the people doing them
                    admin || r.contains(Role.TEAM_MEMBER) || r.contains(Role.COMMUNE_OFFICER)
                            || r.contains(Role.AGENCY_OFFICER),
                    // a learner's own check-in code
                    u.personId() != null);
        }).orElse(null);
    }

    @PostMapping("/display")
    String set(@RequestParam(required = false) String text, @RequestParam(required = false) String contrast,
               @RequestParam(required = false) String back, HttpServletResponse response) {
        if (text != null && SIZES.contains(text)) {
            response.addCookie(cookie(TEXT, text));
        }
        if (contrast != null) {
            response.addCookie(cookie(CONTRAST, "high".equals(contrast) ? "high" : "normal"));
        }
        // only a path of this site, never another host
        boolean local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
        return "redirect:" + (local ? back : "/");
    }

    private static Cookie cookie(String name, String value) {
        Cookie c = new Cookie(name, value);
        c.setPath("/");
        c.setHttpOnly(true);
        c.setMaxAge((int) Duration.ofDays(365).toSeconds());
        c.setAttribute("SameSite", "Lax");
        return c;
    }
}

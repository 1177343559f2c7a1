package vn.binhdan.community.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.community.Guidance;
import vn.binhdan.community.GuidanceEntry;
import vn.binhdan.community.GuidanceOutcome;
import vn.binhdan.community.GuidancePlace;
import vn.binhdan.community.GuidanceReceipt;
import vn.binhdan.community.GuidanceTopic;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.Grant;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/**
 * The guidance form on a phone. With its script the form queues entries on the phone and sends
 * them when there is signal (the service worker keeps the page itself for when there is none);
 * without it the form posts like any other, with an id made when the page was drawn, so a double
 * tap records once.
 */
@Controller
class GuidancePages {

    /** "Nguyễn Văn An, 1958" — a name, then optionally a four-digit birth year. */
    private static final Pattern PERSON_LINE = Pattern.compile("^(.*?)[\\s,;]+((?:19|20)\\d{2})$");

    private final Guidance guidance;
    private final Units units;
    private final MessageSource messages;
    private final byte[] serviceWorker;
    private final java.time.Clock clock;
    private final vn.binhdan.people.PersonService persons;

    GuidancePages(Guidance guidance, Units units, MessageSource messages, java.time.Clock clock,
                  vn.binhdan.people.PersonService persons) throws IOException {
        this.clock = clock;
        this.persons = persons;
        this.guidance = guidance;
        this.units = units;
        this.messages = messages;
        try (InputStream in = getClass().getResourceAsStream("/community/guidance-sw.js")) {
            this.serviceWorker = in.readAllBytes();
        }
    }

    @GetMapping("/guidance")
    String start() {
        return "redirect:/guidance/new";
    }

    @GetMapping("/guidance/new")
    String form(Model model) {
        AppUser user = requireRecorder();
        model.addAttribute("topics", guidance.topics().stream().filter(GuidanceTopic::active).toList());
        model.addAttribute("places", GuidancePlace.values());
        model.addAttribute("outcomes", GuidanceOutcome.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("earliest", LocalDate.now(clock).minusDays(Guidance.MAX_DAYS_BACK));
        model.addAttribute("maxMinutes", Guidance.MAX_MINUTES);
        model.addAttribute("clientId", UUID.randomUUID().toString());
        model.addAttribute("unitChoices", unitChoices(user));
        model.addAttribute("user", user.username());
        return "community/guidance";
    }

    /** The form's own post when the script is not running. */
    @PostMapping("/guidance/new")
    String post(@RequestParam String clientId, @RequestParam(required = false) LocalDate givenOn,
                @RequestParam(required = false) Long unitId, @RequestParam(required = false) GuidancePlace place,
                @RequestParam(required = false) Integer minutes, @RequestParam(required = false) GuidanceOutcome outcome,
                @RequestParam(required = false) List<String> topics, @RequestParam(required = false) String note,
                @RequestParam(required = false) String people, @RequestParam(defaultValue = "false") boolean visitor,
                RedirectAttributes flash) {
        try {
            GuidanceReceipt r = guidance.record(new GuidanceEntry(clientId, givenOn, unitId, null, place, minutes, outcome,
                    topics, note, parsePeople(people, visitor)));
            flash.addFlashAttribute("notice", message(r.status() == GuidanceReceipt.Status.RECORDED
                    ? "guidance.saved" : "guidance.already"));
        } catch (ForbiddenException e) {
            throw e;
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
        }
        return "redirect:/guidance/new";
    }

    /** The phone's queue, sent by the script with the page's session. */
    @PostMapping(value = "/guidance/sync", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    GuidanceApi.SyncResponse sync(@RequestBody GuidanceApi.SyncRequest request) {
        return GuidanceApi.SyncResponse.of(guidance.sync(request.entries()));
    }

    /** A name typed on the form, looked up in the registry of the member's area while there is signal. */
    record Found(String fullName, int birthYear, String unitName) {
    }

    @GetMapping("/guidance/people")
    @ResponseBody
    List<Found> people(@RequestParam String q) {
        requireRecorder();
        if (q == null || q.strip().length() < 2) {
            return List.of();
        }
        return persons.search(q, null, 10).stream().map(p -> new Found(p.fullName(), p.birthYear(), p.unitName())).toList();
    }

    /** A fresh token for a page that came from the phone's cache after the session changed. */
    @GetMapping("/guidance/csrf")
    @ResponseBody
    Map<String, String> csrf(jakarta.servlet.http.HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return Map.of("header", token.getHeaderName(), "token", token.getToken());
    }

    @GetMapping("/guidance/sw.js")
    ResponseEntity<byte[]> serviceWorker() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.valueOf("text/javascript"))
                .body(serviceWorker);
    }

    @GetMapping("/guidance/log")
    String log(@RequestParam(required = false) Long unitId, @RequestParam(required = false) YearMonth month,
               Model model) {
        requireRecorder();
        YearMonth m = month == null ? YearMonth.now(clock) : month;
        model.addAttribute("month", m);
        model.addAttribute("previous", m.minusMonths(1));
        model.addAttribute("next", m.plusMonths(1).isAfter(YearMonth.now(clock)) ? null : m.plusMonths(1));
        model.addAttribute("unitId", unitId);
        model.addAttribute("sessions", guidance.list(unitId, m, false, 200));
        model.addAttribute("activity", guidance.activity(unitId, m));
        model.addAttribute("topics", topicNames());
        return "community/guidance-log";
    }

    @GetMapping("/guidance/unregistered")
    String unregistered(@RequestParam(required = false) Long unitId, Model model) {
        model.addAttribute("people", guidance.unregistered(unitId));
        return "community/unregistered";
    }

    @PostMapping("/guidance/{id}/withdraw")
    String withdraw(@PathVariable long id, RedirectAttributes flash) {
        guidance.withdraw(id);
        flash.addFlashAttribute("notice", message("guidance.withdrawn"));
        return "redirect:/guidance/log";
    }

    Map<String, String> topicNames() {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        guidance.topics().forEach(t -> names.put(t.code(), t.name(LocaleContextHolder.getLocale())));
        return names;
    }

    /** The recorder's own unit and, when it has any, the units directly below it (a commune's villages). */
    private List<Unit> unitChoices(AppUser user) {
        return unitChoices(units, user, Guidance.RECORDERS);
    }

    static List<Unit> unitChoices(Units units, AppUser user, List<vn.binhdan.shared.Role> roles) {
        List<Unit> out = new ArrayList<>();
        for (Grant g : user.grants()) {
            if (!roles.contains(g.role())) {
                continue;
            }
            units.find(g.unitId()).ifPresent(u -> {
                if (!out.contains(u)) {
                    out.add(u);
                }
                units.children(u.id()).stream().filter(Unit::active).filter(c -> !out.contains(c)).forEach(out::add);
            });
        }
        return out;
    }

    static List<GuidanceEntry.Helped> parsePeople(String text, boolean visitor) {
        List<GuidanceEntry.Helped> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\R")) {
            String l = line.trim();
            if (l.isEmpty()) {
                continue;
            }
            Matcher m = PERSON_LINE.matcher(l);
            out.add(m.matches() ? new GuidanceEntry.Helped(null, m.group(1).trim(), Integer.valueOf(m.group(2)), visitor)
                    : new GuidanceEntry.Helped(null, l, null, visitor));
        }
        return out;
    }

    private static AppUser requireRecorder() {
        AppUser user = CurrentUser.require();
        if (user.scopePaths(Guidance.RECORDERS).isEmpty()) {
            throw new ForbiddenException("guidance.forbidden");
        }
        return user;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}

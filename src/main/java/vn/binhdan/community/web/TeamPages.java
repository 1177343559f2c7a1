package vn.binhdan.community.web;

import java.time.YearMonth;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.community.Guidance;
import vn.binhdan.community.Team;
import vn.binhdan.community.TeamForm;
import vn.binhdan.community.TeamMember;
import vn.binhdan.community.TeamPage;
import vn.binhdan.community.Teams;
import vn.binhdan.people.PersonService;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;

/** The community hub, the teams of an area, and a team's page with its members and this month's work. */
@Controller
class TeamPages {

    private final Teams teams;
    private final Guidance guidance;
    private final PersonService persons;
    private final GuidancePages guidancePages;
    private final MessageSource messages;
    private final vn.binhdan.unit.Units units;
    private final java.time.Clock clock;

    TeamPages(Teams teams, Guidance guidance, PersonService persons, GuidancePages guidancePages,
              MessageSource messages, vn.binhdan.unit.Units units, java.time.Clock clock) {
        this.clock = clock;
        this.units = units;
        this.teams = teams;
        this.guidance = guidance;
        this.persons = persons;
        this.guidancePages = guidancePages;
        this.messages = messages;
    }

    @GetMapping("/community")
    String hub(Model model) {
        AppUser user = CurrentUser.require();
        boolean recorder = !user.scopePaths(Guidance.RECORDERS).isEmpty();
        model.addAttribute("recorder", recorder);
        if (recorder) {
            model.addAttribute("activity", guidance.activity(null, YearMonth.now(clock)));
            model.addAttribute("teams", teams.list(null));
            model.addAttribute("topics", guidancePages.topicNames());
        }
        return "community/hub";
    }

    @GetMapping("/community/teams")
    String list(@RequestParam(required = false) Long unitId, Model model) {
        AppUser user = CurrentUser.require();
        model.addAttribute("teams", teams.list(unitId));
        model.addAttribute("canCreate", !user.scopePaths(Teams.EDITORS).isEmpty());
        model.addAttribute("kinds", Team.Kind.values());
        model.addAttribute("unitChoices", GuidancePages.unitChoices(units, user, Teams.EDITORS));
        return "community/teams";
    }

    @PostMapping("/community/teams")
    String create(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String name,
                  @RequestParam(required = false) Team.Kind kind, @RequestParam(required = false) String phone,
                  @RequestParam(required = false) String email, RedirectAttributes flash) {
        try {
            Team team = teams.create(new TeamForm(unitId, name, kind, phone, email));
            flash.addFlashAttribute("notice", message("team.created", team.name()));
            return "redirect:/community/teams/" + team.id();
        } catch (ForbiddenException e) {
            throw e;
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", message(e.messageKey(), e.args()));
            return "redirect:/community/teams";
        }
    }

    @GetMapping("/community/teams/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) YearMonth month,
                @RequestParam(required = false) String q, Model model) {
        TeamPage page = teams.page(id, month);
        model.addAttribute("page", page);
        model.addAttribute("topics", guidancePages.topicNames());
        model.addAttribute("previous", page.month().minusMonths(1));
        model.addAttribute("next", page.month().plusMonths(1).isAfter(YearMonth.now(clock)) ? null : page.month().plusMonths(1));
        if (page.canEdit() && q != null && !q.isBlank()) {
            model.addAttribute("q", q);
            try {
                model.addAttribute("found", persons.search(q, page.team().unitId(), 20));
            } catch (BusinessException e) {
                model.addAttribute("error", message(e.messageKey(), e.args()));
            }
        }
        return "community/team";
    }

    @PostMapping("/community/teams/{id}/members")
    String addMember(@PathVariable long id, @RequestParam(required = false) Long personId,
                     @RequestParam(defaultValue = "false") boolean leader, @RequestParam(required = false) String phone,
                     RedirectAttributes flash) {
        try {
            List<TeamMember> members = teams.addMember(id, new TeamMember.Form(personId, leader, phone));
            members.stream().filter(m -> personId != null && m.personId() == personId).findFirst()
                    .ifPresent(m -> flash.addFlashAttribute("notice", message("team.member.added", m.fullName())));
        } catch (ForbiddenException e) {
            throw e;
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", message(e.messageKey(), e.args()));
        }
        return "redirect:/community/teams/" + id;
    }

    @PostMapping("/community/teams/{id}/members/{personId}/remove")
    String removeMember(@PathVariable long id, @PathVariable long personId, RedirectAttributes flash) {
        teams.removeMember(id, personId);
        flash.addFlashAttribute("notice", message("team.member.removed"));
        return "redirect:/community/teams/" + id;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}

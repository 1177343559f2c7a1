package vn.binhdan.people.web;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.binhdan.people.PersonService;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitService;

/** The tree browser with registry counts, person search and the person page. */
@Controller
class RegistryPages {

    static final List<TargetGroup> GROUPS = List.of(TargetGroup.CIVIL_SERVANT, TargetGroup.STUDENT, TargetGroup.WORKER,
            TargetGroup.ADULT);

    private final UnitService units;
    private final PersonService persons;
    private final MessageSource messages;
    private final org.springframework.beans.factory.ObjectProvider<vn.binhdan.shared.web.PersonSection> sections;

    RegistryPages(UnitService units, PersonService persons, MessageSource messages,
                  org.springframework.beans.factory.ObjectProvider<vn.binhdan.shared.web.PersonSection> sections) {
        this.units = units;
        this.persons = persons;
        this.messages = messages;
        this.sections = sections;
    }

    @GetMapping("/units")
    String roots(Model model) {
        List<Unit> roots = units.scopeRoots();
        if (roots.size() == 1) {
            return "redirect:/units/" + roots.getFirst().id();
        }
        model.addAttribute("roots", roots);
        return "units/roots";
    }

    @GetMapping("/units/{id}")
    String unit(@PathVariable long id, Model model) {
        Unit unit = units.get(id);
        List<Unit> children = units.children(id, false);
        model.addAttribute("unit", unit);
        model.addAttribute("crumbs", units.visibleAncestors(unit));
        model.addAttribute("children", children.stream().filter(u -> u.type().administrative()).toList());
        model.addAttribute("organisations", children.stream().filter(u -> !u.type().administrative()).toList());
        model.addAttribute("counts", persons.countsByChild(id));
        model.addAttribute("groups", GROUPS);
        model.addAttribute("history", units.history(id));
        model.addAttribute("canSeePeople", CurrentUser.require().canActOn(unit.path(), PersonService.READERS));
        // the learners' competencies are the officers' view (a team member keeps the village's people, not its scores)
        model.addAttribute("canSeeCompetencies", CurrentUser.require().canActOn(unit.path(), List.of(
                vn.binhdan.shared.Role.COMMUNE_OFFICER, vn.binhdan.shared.Role.AGENCY_OFFICER,
                vn.binhdan.shared.Role.PROVINCE_ADMIN, vn.binhdan.shared.Role.SYSTEM_ADMIN)));
        return "units/show";
    }

    @GetMapping("/persons")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit, Model model) {
        model.addAttribute("q", q);
        if (unit != null) {
            model.addAttribute("unit", units.get(unit));
        }
        if (q != null || unit != null) {
            try {
                model.addAttribute("results", persons.search(q == null ? "" : q, unit, 100));
            } catch (BusinessException e) {
                if (e.status() != 400) {
                    throw e;
                }
                model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
            }
        }
        return "persons/search";
    }

    @GetMapping("/persons/{id}")
    String person(@PathVariable long id, Model model) {
        model.addAttribute("person", persons.get(id));
        model.addAttribute("panels", sections.orderedStream().map(s -> s.panel(id)).flatMap(java.util.Optional::stream)
                .sorted(java.util.Comparator.comparingInt(vn.binhdan.shared.web.HomeCard::order)).toList());
        return "persons/show";
    }
}

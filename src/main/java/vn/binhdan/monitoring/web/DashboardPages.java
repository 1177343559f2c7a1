package vn.binhdan.monitoring.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.binhdan.monitoring.Dashboard;
import vn.binhdan.monitoring.Dashboards;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.unit.UnitService;

/** The steering dashboard: province → commune → village, each number a link to what is behind it. */
@Controller
class DashboardPages {

    private final Dashboards dashboards;
    private final UnitService units;

    DashboardPages(Dashboards dashboards, UnitService units) {
        this.dashboards = dashboards;
        this.units = units;
    }

    /** One's own dashboard: the top of one's scope. */
    @GetMapping("/dashboard")
    String mine() {
        return units.scopeRoots().stream().findFirst().map(u -> "redirect:/dashboard/" + u.id())
                .orElseThrow(() -> new NotFoundException("dashboard.noScope"));
    }

    @GetMapping("/dashboard/{unitId}")
    String page(@PathVariable long unitId, @RequestParam(required = false) Integer year, Model model) {
        Dashboard d = dashboards.of(unitId, year, LocaleContextHolder.getLocale());
        model.addAttribute("d", d);
        model.addAttribute("charts", Charts.of(d));
        return "steer/dashboard";
    }

    @GetMapping("/dashboard/{unitId}/compliance/{code}")
    String compliance(@PathVariable long unitId, @PathVariable String code, @RequestParam(required = false) Integer year,
                      Model model) {
        model.addAttribute("c", dashboards.compliance(unitId, code, year, LocaleContextHolder.getLocale()));
        return "steer/compliance";
    }

    @GetMapping("/dashboard/{unitId}/certified")
    String certified(@PathVariable long unitId, @RequestParam TargetGroup group,
                     @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("unit", units.get(unitId));
        model.addAttribute("group", group);
        model.addAttribute("page", page);
        model.addAttribute("people", dashboards.certified(unitId, group, page));
        return "steer/certified";
    }
}

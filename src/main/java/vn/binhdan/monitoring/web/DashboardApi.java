package vn.binhdan.monitoring.web;

import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.monitoring.CertifiedPerson;
import vn.binhdan.monitoring.Dashboard;
import vn.binhdan.monitoring.Dashboards;
import vn.binhdan.people.TargetGroup;

/** Dashboards as JSON for the province's own tools, and the drill-down behind a certified count. */
@RestController
@RequestMapping("/api/v1/dashboard")
class DashboardApi {

    private final Dashboards dashboards;

    DashboardApi(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/{unitId}")
    Dashboard get(@PathVariable long unitId, @RequestParam(required = false) Integer year) {
        return dashboards.of(unitId, year, LocaleContextHolder.getLocale());
    }

    /** A compliance indicator's units that do not meet it, beneath the unit (or the unit itself). */
    @GetMapping("/{unitId}/compliance/{code}")
    vn.binhdan.monitoring.ComplianceList compliance(@PathVariable long unitId, @PathVariable String code,
                                                    @RequestParam(required = false) Integer year) {
        return dashboards.compliance(unitId, code, year, LocaleContextHolder.getLocale());
    }

    @GetMapping("/{unitId}/certified")
    List<CertifiedPerson> certified(@PathVariable long unitId, @RequestParam TargetGroup group,
                                    @RequestParam(defaultValue = "0") int page) {
        return dashboards.certified(unitId, group, page);
    }
}

package vn.binhdan.campaign.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.campaign.Indicators;
import vn.binhdan.campaign.Target;
import vn.binhdan.campaign.TargetForm;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.unit.UnitService;

/** The indicator catalogue, targets per unit and year, and the emulation table's weights. */
@RestController
@RequestMapping("/api/v1")
class IndicatorApi {

    private final Indicators indicators;
    private final UnitService units;

    IndicatorApi(Indicators indicators, UnitService units) {
        this.indicators = indicators;
        this.units = units;
    }

    @GetMapping("/indicators")
    List<Indicator> all() {
        CurrentUser.require();
        return indicators.all();
    }

    /** The targets that hold for a unit (own or inherited); the unit must be within the caller's scope. */
    @GetMapping("/units/{unitId}/targets")
    List<Target> targets(@PathVariable long unitId, @RequestParam(required = false) Integer year) {
        units.get(unitId);
        return indicators.targetsOf(unitId, year == null ? LocalDate.now().getYear() : year);
    }

    @PutMapping("/indicators/{code}/targets")
    List<Target> setTarget(@PathVariable String code, @RequestBody TargetForm form) {
        return indicators.setTarget(code, form);
    }

    @GetMapping("/ranking/criteria")
    List<Indicators.Criterion> criteria() {
        if (CurrentUser.require().scopePaths(Indicators.TARGET_SETTERS).isEmpty()) {
            throw new ForbiddenException("ranking.forbidden");
        }
        return indicators.criteria();
    }

    @PutMapping("/ranking/criteria")
    List<Indicators.Criterion> setCriteria(@RequestBody List<Indicators.Criterion> criteria) {
        return indicators.setCriteria(criteria);
    }

    /** The emulation table's rule for a criterion without data, as a word and as a sentence. */
    record MissingDataRule(vn.binhdan.campaign.MissingData missingData) {
    }

    @GetMapping("/ranking/missing-data")
    MissingDataRule missingData() {
        if (CurrentUser.require().scopePaths(Indicators.TARGET_SETTERS).isEmpty()) {
            throw new ForbiddenException("ranking.forbidden");
        }
        return new MissingDataRule(indicators.missingData());
    }

    @PutMapping("/ranking/missing-data")
    MissingDataRule setMissingData(@RequestBody java.util.Map<String, String> body) {
        return new MissingDataRule(indicators.setMissingData(body == null ? null : body.get("missingData")));
    }

    @GetMapping("/indicators/{code}/compliance")
    List<vn.binhdan.campaign.ComplianceRule> compliance(@PathVariable String code) {
        CurrentUser.require();
        indicators.get(code);
        return indicators.complianceRules(code);
    }

    @PutMapping("/indicators/{code}/compliance")
    List<vn.binhdan.campaign.ComplianceRule> setCompliance(@PathVariable String code,
                                                          @RequestBody List<vn.binhdan.campaign.ComplianceForm> rules) {
        return indicators.setComplianceRules(code, rules);
    }
}

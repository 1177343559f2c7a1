package vn.binhdan.reporting.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.binhdan.reporting.Validation;
import vn.binhdan.reporting.ValidationRules;
import vn.binhdan.reporting.ValidationRun;
import vn.binhdan.reporting.internal.rules.ValidationXlsx;

/** The province-wide check of a period's reports, and the list of the rules that apply. */
@Controller
class ValidationPages {

    private final Validation validation;
    private final ValidationRules rules;
    private final ValidationXlsx xlsx;

    ValidationPages(Validation validation, ValidationRules rules, ValidationXlsx xlsx) {
        this.validation = validation;
        this.rules = rules;
        this.xlsx = xlsx;
    }

    @GetMapping("/reports/{form}/{unitId}/{period}/validation")
    String run(@PathVariable String form, @PathVariable long unitId, @PathVariable String period, Model model) {
        model.addAttribute("run", validation.run(form, unitId, period));
        return "reports/validation";
    }

    @GetMapping("/reports/{form}/{unitId}/{period}/validation.xlsx")
    ResponseEntity<byte[]> runXlsx(@PathVariable String form, @PathVariable long unitId, @PathVariable String period) {
        ValidationRun run = validation.run(form, unitId, period);
        return ValidationApi.xlsx(run, xlsx.write(run, LocaleContextHolder.getLocale()));
    }

    @GetMapping("/reports/rules")
    String list(Model model) {
        model.addAttribute("rules", rules.list());
        return "reports/rules";
    }
}

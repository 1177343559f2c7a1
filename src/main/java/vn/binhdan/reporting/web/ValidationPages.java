package vn.binhdan.reporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.campaign.Indicators;
import vn.binhdan.reporting.InvalidReport;
import vn.binhdan.reporting.ValidationRule;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.reporting.Validation;
import vn.binhdan.reporting.ValidationRules;
import vn.binhdan.reporting.ValidationRun;
import vn.binhdan.reporting.internal.rules.ValidationXlsx;

/**
 * The province-wide check of a period's reports, and the rules that apply: listed for everyone
 * who reports, added and switched off by a province administrator (changing one is the API's).
 */
@Controller
class ValidationPages {

    private final Validation validation;
    private final ValidationRules rules;
    private final ValidationXlsx xlsx;
    private final Indicators indicators;
    private final MessageSource messages;

    ValidationPages(Validation validation, ValidationRules rules, ValidationXlsx xlsx, Indicators indicators,
                    MessageSource messages) {
        this.indicators = indicators;
        this.messages = messages;
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
        return page(model, null, List.of());
    }

    /** A province administrator adds a rule for its reports; a refused rule comes back with what was typed. */
    @PostMapping("/reports/rules")
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes flash) {
        ValidationRule.Draft draft = new ValidationRule.Draft(form.get("code"), form.get("indicatorCode"),
                form.get("measure"), form.get("group"), form.get("leftSide"), form.get("operator"),
                form.get("rightSide"), form.get("importance"), form.get("messageVi"), form.get("messageEn"));
        try {
            ValidationRule created = rules.create(draft);
            flash.addFlashAttribute("notice", message("rules.created", created.code()));
            return "redirect:/reports/rules";
        } catch (InvalidReport e) {
            response.setStatus(e.status());
            return page(model, form, e.errors().stream().map(f -> new ReportPages.Problem(f.field(),
                    message(f.messageKey(), f.args()))).toList());
        } catch (BusinessException e) {
            if (e.status() != 409) {
                throw e;
            }
            response.setStatus(e.status());
            return page(model, form, List.of(new ReportPages.Problem("code", message(e.messageKey(), e.args()))));
        }
    }

    @PostMapping("/reports/rules/{code}/deactivate")
    String deactivate(@PathVariable String code, RedirectAttributes flash) {
        rules.setActive(code, false);
        flash.addFlashAttribute("notice", message("rules.deactivated", code));
        return "redirect:/reports/rules";
    }

    @PostMapping("/reports/rules/{code}/activate")
    String activate(@PathVariable String code, RedirectAttributes flash) {
        rules.setActive(code, true);
        flash.addFlashAttribute("notice", message("rules.activated", code));
        return "redirect:/reports/rules";
    }

    private String page(Model model, Map<String, String> typed, List<ReportPages.Problem> problems) {
        model.addAttribute("rules", rules.list());
        model.addAttribute("typed", typed == null ? Map.of() : typed);
        model.addAttribute("problems", problems);
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        problems.stream().filter(p -> p.field() != null).forEach(p -> byField.putIfAbsent(p.field(), p.message()));
        model.addAttribute("fieldErrors", byField);
        model.addAttribute("indicators", indicators.all());
        model.addAttribute("canManage", vn.binhdan.shared.CurrentUser.require().has(vn.binhdan.shared.Role.PROVINCE_ADMIN));
        return "reports/rules";
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}

package vn.binhdan.reporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.reporting.Completeness;
import vn.binhdan.reporting.Consolidated;
import vn.binhdan.reporting.InvalidReport;
import vn.binhdan.reporting.Oversight;
import vn.binhdan.reporting.Period;
import vn.binhdan.reporting.Report;
import vn.binhdan.reporting.ReportForm;
import vn.binhdan.reporting.Reports;
import vn.binhdan.reporting.RuleViolations;
import vn.binhdan.reporting.Validation;
import vn.binhdan.reporting.Draft;
import vn.binhdan.reporting.internal.ConsolidatedXlsx;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitService;

/**
 * The report pages: the unit's report for a period (a form that works on a phone without
 * script), the approver's queue, the completeness table and the consolidated view. Refusals the
 * user can fix come back on the page beside the field concerned; one outside the user's scope is
 * the error page (403/404).
 */
@Controller
class ReportPages {

    /** A refused field as the page shows it: in the summary at the top, linked to the field. */
    record Problem(String field, String message) {
    }

    private final Reports reports;
    private final Oversight oversight;
    private final UnitService units;
    private final ConsolidatedXlsx xlsx;
    private final vn.binhdan.reporting.internal.ConsolidatedDocument document;
    private final MessageSource messages;
    private final Validation validation;
    private final vn.binhdan.reporting.Reminders reminders;

    ReportPages(Reports reports, Oversight oversight, UnitService units, ConsolidatedXlsx xlsx, vn.binhdan.reporting.internal.ConsolidatedDocument document, MessageSource messages,
                Validation validation, vn.binhdan.reporting.Reminders reminders) {
        this.validation = validation;
        this.reminders = reminders;
        this.reports = reports;
        this.oversight = oversight;
        this.units = units;
        this.xlsx = xlsx;
        this.document = document;
        this.messages = messages;
    }

    /** Where a user starts: their units' reports for a period, and the queue if they decide reports. */
    @GetMapping("/reports")
    String index(@RequestParam(required = false) String form, @RequestParam(required = false) String period, Model model) {
        List<ReportForm> forms = reports.forms();
        model.addAttribute("forms", forms);
        if (forms.isEmpty()) {
            return "reports/index";
        }
        ReportForm chosen = form == null ? forms.getFirst() : reports.form(form);
        Period current = reports.currentPeriod(chosen);
        Period p = period == null || period.isBlank() ? current : Period.parse(period);
        List<Period> choices = new ArrayList<>();
        for (Period q = current; choices.size() < 8; q = q.previous()) {
            choices.add(q);
        }
        if (!choices.contains(p)) {
            choices.add(p);
        }
        List<Report> mine = new ArrayList<>();
        for (Unit u : units.scopeRoots()) {
            if (chosen.filedBy(u.type())) {
                mine.add(reports.get(chosen.code(), u.id(), p.id()));
            }
        }
        model.addAttribute("form", chosen);
        model.addAttribute("period", p);
        model.addAttribute("periods", choices);
        model.addAttribute("reports", mine);
        model.addAttribute("queueSize", reports.queue().size());
        return "reports/index";
    }

    @GetMapping("/reports/queue")
    String queue(Model model) {
        model.addAttribute("queue", reports.queue());
        return "reports/queue";
    }

    @GetMapping("/reports/{form}/{unitId}/{period}")
    String report(@PathVariable String form, @PathVariable long unitId, @PathVariable String period, Model model) {
        return page(model, reports.get(form, unitId, period), null, List.of());
    }

    /** Saves the draft, and submits it when the officer pressed "submit" (one form, two buttons). */
    @PostMapping("/reports/{form}/{unitId}/{period}")
    String save(@PathVariable String form, @PathVariable long unitId, @PathVariable String period,
                @RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
                RedirectAttributes flash) {
        Report report = reports.get(form, unitId, period);
        TypedForm typed = TypedForm.read(params, report);
        if (!typed.errors().isEmpty()) {
            response.setStatus(400);
            return page(model, report, typed.typed(), problems(typed.errors()));
        }
        boolean submit = "submit".equals(params.getFirst("action"));
        Map<String, String> explanations = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith("x-") && !values.isEmpty()) {
                explanations.put(name.substring(2), values.getFirst());
            }
        });
        try {
            reports.save(form, unitId, period, new Draft(typed.draft().figures(), typed.draft().texts(), explanations));
            if (submit) {
                reports.submit(form, unitId, period);
            }
        } catch (RuleViolations e) {
            // the draft is saved; only the submission waits for the corrections and explanations
            response.setStatus(e.status());
            model.addAttribute("submitRefused", true);
            Map<String, String> kept = new LinkedHashMap<>(typed.typed());
            explanations.forEach((k, v) -> kept.put("x-" + k, v));
            return page(model, reports.get(form, unitId, period), kept, problems(e.errors()));
        } catch (InvalidReport e) {
            response.setStatus(e.status());
            return page(model, reports.get(form, unitId, period), typed.typed(), problems(e.errors()));
        } catch (BusinessException e) {
            if (!fixable(e)) {
                throw e;
            }
            response.setStatus(e.status());
            return page(model, reports.get(form, unitId, period), typed.typed(),
                    List.of(new Problem(null, message(e.messageKey(), e.args()))));
        }
        flash.addFlashAttribute("notice", message(submit ? "report.submittedNotice" : "report.saved"));
        return "redirect:" + path(form, unitId, period);
    }

    @PostMapping("/reports/{form}/{unitId}/{period}/approve")
    String approve(@PathVariable String form, @PathVariable long unitId, @PathVariable String period,
                   RedirectAttributes flash) {
        try {
            reports.approve(form, unitId, period);
            flash.addFlashAttribute("notice", message("report.approvedNotice"));
        } catch (BusinessException e) {
            if (!fixable(e)) {
                throw e;
            }
            flash.addFlashAttribute("error", message(e.messageKey(), e.args()));
        }
        return "redirect:" + path(form, unitId, period);
    }

    @PostMapping("/reports/{form}/{unitId}/{period}/return")
    String returnToUnit(@PathVariable String form, @PathVariable long unitId, @PathVariable String period,
                        @RequestParam(required = false) String comment, Model model, HttpServletResponse response,
                        RedirectAttributes flash) {
        try {
            reports.returnToUnit(form, unitId, period, comment);
        } catch (InvalidReport e) {
            response.setStatus(e.status());
            return page(model, reports.get(form, unitId, period), Map.of("comment", comment == null ? "" : comment),
                    problems(e.errors()));
        } catch (BusinessException e) {
            if (!fixable(e)) {
                throw e;
            }
            flash.addFlashAttribute("error", message(e.messageKey(), e.args()));
            return "redirect:" + path(form, unitId, period);
        }
        flash.addFlashAttribute("notice", message("report.returnedNotice"));
        return "redirect:" + path(form, unitId, period);
    }

    @GetMapping("/reports/{form}/{unitId}/{period}/completeness")
    String completeness(@PathVariable String form, @PathVariable long unitId, @PathVariable String period, Model model) {
        model.addAttribute("c", oversight.completeness(form, unitId, period));
        model.addAttribute("reminderLog", reminders.log(form, unitId, period));
        return "reports/completeness";
    }

    @PostMapping("/reports/{form}/{unitId}/{period}/reminders")
    String remind(@PathVariable String form, @PathVariable long unitId, @PathVariable String period,
                  RedirectAttributes flash) {
        Completeness c = oversight.remind(form, unitId, period);
        flash.addFlashAttribute("notice", message("report.remindedNotice", c.behind().size()));
        return "redirect:" + path(form, unitId, period) + "/completeness";
    }

    @GetMapping("/reports/{form}/{unitId}/{period}/consolidated")
    String consolidated(@PathVariable String form, @PathVariable long unitId, @PathVariable String period, Model model) {
        model.addAttribute("c", oversight.consolidated(form, unitId, period));
        return "reports/consolidated";
    }

    @GetMapping("/reports/{form}/{unitId}/{period}/consolidated.xlsx")
    ResponseEntity<byte[]> consolidatedXlsx(@PathVariable String form, @PathVariable long unitId,
                                            @PathVariable String period) {
        Consolidated c = oversight.consolidated(form, unitId, period);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ReportApi.XLSX))
                .header("Content-Disposition", attachment(c, "xlsx"))
                .body(xlsx.write(c, LocaleContextHolder.getLocale()));
    }

    @GetMapping("/reports/{form}/{unitId}/{period}/consolidated.{format:docx|pdf}")
    ResponseEntity<byte[]> consolidatedDocument(@PathVariable String form, @PathVariable long unitId,
                                                @PathVariable String period, @PathVariable String format,
                                                @RequestParam(required = false) String signer,
                                                @RequestParam(required = false) String signerTitle) {
        var who = vn.binhdan.reporting.internal.ConsolidatedDocument.Signer.of(signer, signerTitle);
        Consolidated c = oversight.consolidated(form, unitId, period);
        boolean word = "docx".equals(format);
        return ResponseEntity.ok().contentType(word ? MediaType.parseMediaType(ReportApi.DOCX) : MediaType.APPLICATION_PDF)
                .header("Content-Disposition", attachment(c, format))
                .body(word ? document.docx(c, who) : document.pdf(c, who));
    }

    static String attachment(Consolidated c, String extension) {
        // ASCII only: codes and the period id, which every browser and mail client keeps intact
        return "attachment; filename=\"tong-hop-" + c.formCode() + "-" + c.unitCode() + "-" + c.period().id() + "."
                + extension + "\"";
    }

    private String page(Model model, Report report, Map<String, String> typed, List<Problem> problems) {
        model.addAttribute("r", report);
        model.addAttribute("checks", validation.check(report));
        model.addAttribute("typed", typed);
        model.addAttribute("problems", problems);
        Map<String, String> byField = new LinkedHashMap<>();
        problems.stream().filter(p -> p.field() != null).forEach(p -> byField.putIfAbsent(p.field(), p.message()));
        model.addAttribute("fieldErrors", byField);
        return "reports/report";
    }

    private List<Problem> problems(List<InvalidReport.FieldError> errors) {
        return errors.stream().map(e -> new Problem(e.field(), message(e.messageKey(), e.args()))).toList();
    }

    /** A refusal the page explains in place (bad input, wrong state); scope refusals go to the error page. */
    private static boolean fixable(BusinessException e) {
        return e.status() == 400 || e.status() == 409;
    }

    private static String path(String form, long unitId, String period) {
        return "/reports/" + form + "/" + unitId + "/" + Period.parse(period).id();
    }

    private String message(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}

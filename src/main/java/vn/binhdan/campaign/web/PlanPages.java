package vn.binhdan.campaign.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.campaign.Plan;
import vn.binhdan.campaign.PlanDetail;
import vn.binhdan.campaign.PlanDraft;
import vn.binhdan.campaign.PlanImportResult;
import vn.binhdan.campaign.PlanTaskStatus;
import vn.binhdan.campaign.Plans;
import vn.binhdan.shared.BusinessException;

/**
 * Plans in the browser: the list with a form to create one, a plan's tasks by section with the
 * overdue ones marked, the names no unit was found for, a task with its progress and evidence,
 * and the import of a task table with a preview of what it was read as. A refused form comes
 * back with the reason; a refusal for want of rights is an error page like anywhere else.
 */
@Controller
class PlanPages {

    private final Plans plans;
    private final MessageSource messages;

    PlanPages(Plans plans, MessageSource messages) {
        this.plans = plans;
        this.messages = messages;
    }

    /** What the create form holds when it comes back refused. */
    record PlanForm(String number, String title, Long issuerUnitId, String issuedOn, Integer fromYear, Integer toYear) {

        static PlanForm empty() {
            int year = LocalDate.now().getYear();
            return new PlanForm("", "", null, "", year, year);
        }
    }

    @GetMapping("/plans")
    String list(Model model) {
        return list(model, PlanForm.empty(), null);
    }

    private String list(Model model, PlanForm form, String error) {
        model.addAttribute("plans", plans.list());
        model.addAttribute("canCreate", plans.canCreate());
        if (plans.canCreate()) {
            model.addAttribute("issuers", plans.issuerCandidates());
        }
        model.addAttribute("form", form);
        if (error != null) {
            model.addAttribute("error", error);
        }
        return "plans/list";
    }

    @PostMapping("/plans")
    String create(@RequestParam(required = false) String number, @RequestParam(required = false) String title,
                  @RequestParam(required = false) Long issuerUnitId, @RequestParam(required = false) String issuedOn,
                  @RequestParam(required = false) Integer fromYear, @RequestParam(required = false) Integer toYear,
                  Model model, RedirectAttributes flash) {
        PlanForm typed = new PlanForm(number, title, issuerUnitId, issuedOn, fromYear, toYear);
        try {
            Plan plan = plans.create(new PlanDraft(number, title, issuerUnitId, date(issuedOn), fromYear, toYear));
            flash.addFlashAttribute("notice", message("plan.created", plan.title()));
            return "redirect:/plans/" + plan.id();
        } catch (BusinessException e) {
            rethrowAccess(e);
            return list(model, typed, message(e));
        }
    }

    @GetMapping("/plans/{id}")
    String show(@PathVariable long id, Model model) {
        PlanDetail plan = plans.get(id);
        model.addAttribute("detail", plan);
        model.addAttribute("statuses", PlanTaskStatus.values());
        if (plan.plan().editable() && !plan.unmatched().isEmpty()) {
            model.addAttribute("candidates", plans.linkCandidates(id));
        }
        return "plans/show";
    }

    @PostMapping("/plans/{id}/links/{linkId}")
    String link(@PathVariable long id, @PathVariable long linkId, @RequestParam(required = false) Long unitId,
                RedirectAttributes flash) {
        try {
            if (unitId == null) {
                throw new BusinessException("plan.linkOutsideIssuer");
            }
            var linked = plans.linkUnit(id, linkId, unitId);
            flash.addFlashAttribute("notice", message("plan.linked", linked.name(), linked.unitName()));
        } catch (BusinessException e) {
            rethrowAccess(e);
            flash.addFlashAttribute("error", message(e));
        }
        return "redirect:/plans/" + id + "#unmatched";
    }

    @GetMapping("/plans/{id}/import")
    String importForm(@PathVariable long id, Model model) {
        Plan plan = plans.get(id).plan();
        if (!plan.editable()) {
            throw new vn.binhdan.shared.ForbiddenException("plan.forbidden");
        }
        model.addAttribute("plan", plan);
        return "plans/import";
    }

    @PostMapping("/plans/{id}/import")
    String importTable(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                       @RequestParam(defaultValue = "false") boolean preview, Model model, RedirectAttributes flash)
            throws IOException {
        try {
            PlanImportResult result = plans.importTasks(id, file == null ? null : file.getOriginalFilename(),
                    Uploads.bytes(file, Plans.MAX_TABLE_BYTES, "plan.import.tooLarge"), preview);
            if (result.applied()) {
                flash.addFlashAttribute("notice", message("plan.import.applied", result.sections(), result.tasks(),
                        result.unmatched().size()));
                return "redirect:/plans/" + id;
            }
            model.addAttribute("result", result);
        } catch (BusinessException e) {
            rethrowAccess(e);
            model.addAttribute("error", message(e));
        }
        model.addAttribute("plan", plans.get(id).plan());
        return "plans/import";
    }

    @GetMapping("/plans/{id}/tasks/{taskId}")
    String task(@PathVariable long id, @PathVariable long taskId, Model model) {
        model.addAttribute("detail", plans.task(id, taskId));
        model.addAttribute("statuses", PlanTaskStatus.values());
        return "plans/task";
    }

    @PostMapping("/plans/{id}/tasks/{taskId}/progress")
    String progress(@PathVariable long id, @PathVariable long taskId,
                    @RequestParam(required = false) PlanTaskStatus status, @RequestParam(required = false) String note,
                    RedirectAttributes flash) {
        try {
            plans.progress(id, taskId, status, note);
            flash.addFlashAttribute("notice", message("plan.progressSaved"));
        } catch (BusinessException e) {
            rethrowAccess(e);
            flash.addFlashAttribute("error", message(e));
        }
        return "redirect:/plans/" + id + "/tasks/" + taskId;
    }

    @PostMapping("/plans/{id}/tasks/{taskId}/evidence")
    String evidence(@PathVariable long id, @PathVariable long taskId,
                    @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash)
            throws IOException {
        try {
            var saved = plans.addEvidence(id, taskId, file == null ? null : file.getOriginalFilename(),
                    Uploads.bytes(file, Plans.MAX_EVIDENCE_BYTES, "plan.evidence.tooLarge"));
            flash.addFlashAttribute("notice", message("plan.evidence.saved", saved.fileName()));
        } catch (BusinessException e) {
            rethrowAccess(e);
            flash.addFlashAttribute("error", message(e));
        }
        return "redirect:/plans/" + id + "/tasks/" + taskId + "#evidence";
    }

    @GetMapping("/plans/{id}/tasks/{taskId}/evidence/{evidenceId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long taskId, @PathVariable long evidenceId) {
        return Uploads.download(plans.evidence(id, taskId, evidenceId));
    }

    /** Out of scope is an error page (403/404), not a form message: the record is not the user's. */
    private static void rethrowAccess(BusinessException e) {
        if (e.status() == 403 || e.status() == 404) {
            throw e;
        }
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new BusinessException("plan.badDate", s);
        }
    }

    private String message(BusinessException e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}

package vn.binhdan.campaign.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.campaign.BudgetLine;
import vn.binhdan.campaign.BudgetLineForm;
import vn.binhdan.campaign.BudgetSource;
import vn.binhdan.campaign.Budgets;
import vn.binhdan.campaign.PlanDetail;
import vn.binhdan.campaign.Plans;
import vn.binhdan.campaign.SpendingForm;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;

/**
 * A plan's budget in the browser: each line's estimate, allocation and spending, the quarters'
 * entries (locked once the quarter's report is approved), and the forms to record spending or a
 * correction and to add a line. A refusal comes back as the page with the reason.
 */
@Controller
class BudgetPages {

    private final Budgets budgets;
    private final Plans plans;
    private final MessageSource messages;
    private final vn.binhdan.campaign.Partners partners;

    BudgetPages(Budgets budgets, Plans plans, MessageSource messages, vn.binhdan.campaign.Partners partners) {
        this.partners = partners;
        this.budgets = budgets;
        this.plans = plans;
        this.messages = messages;
    }

    @GetMapping("/plans/{planId}/budget")
    String budget(@PathVariable long planId, Model model) {
        var budget = budgets.budget(planId);
        List<vn.binhdan.campaign.PlanTask> tasks;
        try {
            PlanDetail plan = plans.get(planId);
            tasks = plan.sections().stream().flatMap(s -> s.tasks().stream()).toList();
        } catch (NotFoundException e) {
            // a unit that holds a line of a plan whose tasks are not its own sees the lines only
            tasks = List.of();
        }
        Map<Long, Boolean> canSpend = new HashMap<>();
        Map<Long, List<vn.binhdan.campaign.Partner.Pledge>> pledges = new HashMap<>();
        for (BudgetLine l : budget.lines()) {
            canSpend.put(l.id(), budgets.canSpend(l.id()));
            pledges.put(l.id(), l.source() == BudgetSource.SPONSORSHIP ? partners.pledges(l.id()) : List.of());
        }
        model.addAttribute("pledges", pledges);
        boolean canAdd = budgets.canAddLines(planId);
        model.addAttribute("planId", planId);
        model.addAttribute("planTitle", budget.planTitle());
        model.addAttribute("tasks", tasks);
        model.addAttribute("budget", budget);
        model.addAttribute("canSpend", canSpend);
        model.addAttribute("canAdd", canAdd);
        model.addAttribute("holders", canAdd ? budgets.lineHolders(planId) : List.of());
        model.addAttribute("sources", BudgetSource.values());
        model.addAttribute("thisYear", LocalDate.now().getYear());
        model.addAttribute("thisQuarter", (LocalDate.now().getMonthValue() + 2) / 3);
        return "plans/budget";
    }

    @PostMapping("/plans/{planId}/budget/lines")
    String addLine(@PathVariable long planId, @RequestParam(required = false) Long unitId,
                   @RequestParam(required = false) Long taskId, @RequestParam(required = false) BudgetSource source,
                   @RequestParam(required = false) String title, @RequestParam(required = false) Long estimate,
                   @RequestParam(required = false) Long allocated, RedirectAttributes flash) {
        try {
            budgets.addLine(planId, new BudgetLineForm(taskId, unitId, source, title, estimate, allocated, "VND"));
            flash.addFlashAttribute("notice", message("budget.line.added"));
        } catch (BusinessException e) {
            refused(e, flash);
        }
        return "redirect:/plans/" + planId + "/budget";
    }

    @PostMapping("/plans/{planId}/budget/lines/{lineId}/spending")
    String spend(@PathVariable long planId, @PathVariable long lineId, @RequestParam(required = false) Integer year,
                 @RequestParam(required = false) Integer quarter, @RequestParam(required = false) Long amount,
                 @RequestParam(required = false) String documentRef, @RequestParam(required = false) Long correctsId,
                 RedirectAttributes flash) {
        if (budgets.line(lineId).planId() != planId) {
            throw new NotFoundException("budget.lineNotFound");
        }
        try {
            BudgetLine line = budgets.spend(lineId, new SpendingForm(year, quarter, amount, documentRef, "VND", correctsId));
            flash.addFlashAttribute("notice", message("budget.spending.recorded"));
            if (line.warning() != null) {
                flash.addFlashAttribute("warning", line.warning());
            }
        } catch (BusinessException e) {
            refused(e, flash);
        }
        return "redirect:/plans/" + planId + "/budget#line-" + lineId;
    }

    private void refused(BusinessException e, RedirectAttributes flash) {
        if (e instanceof ForbiddenException || e instanceof NotFoundException) {
            throw e;
        }
        flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}

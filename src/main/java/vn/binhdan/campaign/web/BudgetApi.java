package vn.binhdan.campaign.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.campaign.BudgetLine;
import vn.binhdan.campaign.BudgetLineForm;
import vn.binhdan.campaign.Budgets;
import vn.binhdan.campaign.PlanBudget;
import vn.binhdan.campaign.SpendingForm;

/** A plan's budget lines and their quarterly spending. */
@RestController
@RequestMapping("/api/v1")
class BudgetApi {

    private final Budgets budgets;

    BudgetApi(Budgets budgets) {
        this.budgets = budgets;
    }

    @GetMapping("/plans/{planId}/budget")
    PlanBudget budget(@PathVariable long planId) {
        return budgets.budget(planId);
    }

    @PostMapping("/plans/{planId}/budget-lines")
    @ResponseStatus(HttpStatus.CREATED)
    BudgetLine addLine(@PathVariable long planId, @RequestBody BudgetLineForm form) {
        return budgets.addLine(planId, form);
    }

    @GetMapping("/budget-lines/{id}")
    BudgetLine line(@PathVariable long id) {
        return budgets.line(id);
    }

    /** A quarter's spending, or with {@code correctsId} a correction of an earlier entry. */
    @PostMapping("/budget-lines/{id}/spending")
    BudgetLine spend(@PathVariable long id, @RequestBody SpendingForm form) {
        return budgets.spend(id, form);
    }

    /** Puts right an entry while its quarter's report is not approved; refused (409) after. */
    @PutMapping("/budget-spending/{id}")
    BudgetLine edit(@PathVariable long id, @RequestBody SpendingForm form) {
        return budgets.editSpending(id, form);
    }
}

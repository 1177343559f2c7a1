package vn.binhdan.campaign.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    @PostMapping("/budget-lines/{id}/spending")
    BudgetLine spend(@PathVariable long id, @RequestBody SpendingForm form) {
        return budgets.spend(id, form);
    }
}

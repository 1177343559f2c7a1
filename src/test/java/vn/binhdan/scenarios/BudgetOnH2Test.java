package vn.binhdan.scenarios;

class BudgetOnH2Test extends BudgetScenarios {
}

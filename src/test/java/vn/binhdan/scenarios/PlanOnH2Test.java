package vn.binhdan.scenarios;

class PlanOnH2Test extends PlanScenarios {
}

package vn.binhdan.scenarios;

class ContestOnH2Test extends ContestScenarios {
}

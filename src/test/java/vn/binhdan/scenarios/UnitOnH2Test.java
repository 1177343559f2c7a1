package vn.binhdan.scenarios;

class UnitOnH2Test extends UnitScenarios {
}

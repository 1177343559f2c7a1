package vn.binhdan.scenarios;

class AccessOnH2Test extends AccessScenarios {
}

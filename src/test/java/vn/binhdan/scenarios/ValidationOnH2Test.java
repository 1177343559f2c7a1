package vn.binhdan.scenarios;

class ValidationOnH2Test extends ValidationScenarios {
}

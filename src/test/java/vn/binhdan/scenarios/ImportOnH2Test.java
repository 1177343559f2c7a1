package vn.binhdan.scenarios;

class ImportOnH2Test extends ImportScenarios {
}

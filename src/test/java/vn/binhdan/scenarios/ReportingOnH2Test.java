package vn.binhdan.scenarios;

class ReportingOnH2Test extends ReportingScenarios {
}

package vn.binhdan.scenarios;

class AssessmentOnH2Test extends AssessmentScenarios {
}

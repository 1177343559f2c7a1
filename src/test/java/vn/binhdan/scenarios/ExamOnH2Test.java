package vn.binhdan.scenarios;

class ExamOnH2Test extends ExamScenarios {
}

package vn.binhdan.scenarios;

class LearningOnH2Test extends LearningScenarios {
}

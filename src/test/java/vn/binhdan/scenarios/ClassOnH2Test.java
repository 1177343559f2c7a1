package vn.binhdan.scenarios;

class ClassOnH2Test extends ClassScenarios {
}

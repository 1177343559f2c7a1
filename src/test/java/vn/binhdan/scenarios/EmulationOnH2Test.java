package vn.binhdan.scenarios;

class EmulationOnH2Test extends EmulationScenarios {
}

package vn.binhdan.scenarios;

class SteeringOnH2Test extends SteeringScenarios {
}

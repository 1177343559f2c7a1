package vn.binhdan.scenarios;

class CascadeOnH2Test extends CascadeScenarios {
}

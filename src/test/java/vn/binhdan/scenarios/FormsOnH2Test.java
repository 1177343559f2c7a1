package vn.binhdan.scenarios;

class FormsOnH2Test extends FormScenarios {
}

package vn.binhdan.scenarios;

class IndicatorValuesOnH2Test extends IndicatorValuesScenarios {
}

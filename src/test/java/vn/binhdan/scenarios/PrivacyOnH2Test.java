package vn.binhdan.scenarios;

class PrivacyOnH2Test extends PrivacyScenarios {
}

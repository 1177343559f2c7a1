package vn.binhdan.scenarios;

class PartnerOnH2Test extends PartnerScenarios {
}

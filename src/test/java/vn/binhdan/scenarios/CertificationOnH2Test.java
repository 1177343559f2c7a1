package vn.binhdan.scenarios;

class CertificationOnH2Test extends CertificationScenarios {
}

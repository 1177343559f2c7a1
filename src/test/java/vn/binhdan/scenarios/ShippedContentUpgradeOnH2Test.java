package vn.binhdan.scenarios;

class ShippedContentUpgradeOnH2Test extends ShippedContentUpgradeScenarios {
}

package vn.binhdan.scenarios;


class ContentUpgradeOnH2Test extends ContentUpgradeScenarios {
}

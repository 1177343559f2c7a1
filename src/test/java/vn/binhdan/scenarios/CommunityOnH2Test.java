package vn.binhdan.scenarios;

class CommunityOnH2Test extends CommunityScenarios {
}

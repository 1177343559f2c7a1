package vn.binhdan.scenarios;

class ScopeWalkOnH2Test extends ScopeWalkScenarios {
}

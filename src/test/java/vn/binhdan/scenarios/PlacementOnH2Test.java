package vn.binhdan.scenarios;

class PlacementOnH2Test extends PlacementScenarios {
}

package vn.binhdan.scenarios;

class OperateOnH2Test extends OperateScenarios {
}

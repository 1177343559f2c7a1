package vn.binhdan.scenarios;

class AssistantOnH2Test extends AssistantScenarios {
}

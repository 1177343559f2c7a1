package vn.binhdan.emulation;

public record CampaignForm(Long unitId, String title, Integer year) {
}

package vn.binhdan.campaign;

/** A partner registered by a unit (usually the province). */
public record PartnerForm(Long unitId, String name, PartnerKind kind, String contact) {
}

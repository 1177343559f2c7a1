package vn.binhdan.campaign;

/** What kind of body a partner is: the plans name telecoms and banks apart from other enterprises. */
public enum PartnerKind {
    TELECOM, BANK, ENTERPRISE, ORGANISATION
}

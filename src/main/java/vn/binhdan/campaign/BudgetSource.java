package vn.binhdan.campaign;

/** Where a budget line's money comes from: the state budget at each level, a programme, or a sponsor. */
public enum BudgetSource {
    CENTRAL, PROVINCIAL, COMMUNE, PROGRAMME, SPONSORSHIP
}

package vn.binhdan.campaign;

/** A funding line; {@code currency} may be omitted, and must be VND when given. */
public record BudgetLineForm(Long taskId, Long unitId, BudgetSource source, String title, Long estimate,
                             Long allocated, String currency) {
}

package vn.binhdan.campaign;

public record SpendingForm(Integer year, Integer quarter, Long amount, String documentRef, String currency) {
}

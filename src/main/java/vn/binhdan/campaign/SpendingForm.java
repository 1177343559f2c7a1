package vn.binhdan.campaign;

/**
 * A quarter's spending on a line. {@code correctsId} names an earlier entry of the same line that
 * this one corrects: only a correction may take money back (a negative amount, never more than
 * the entry it corrects).
 */
public record SpendingForm(Integer year, Integer quarter, Long amount, String documentRef, String currency,
                           Long correctsId) {
}

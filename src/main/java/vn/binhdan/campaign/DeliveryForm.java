package vn.binhdan.campaign;

import java.time.LocalDate;

/** What a partner delivered against a commitment, with the record that proves it (a hand-over note). */
public record DeliveryForm(LocalDate deliveredOn, Long quantity, String documentRef, String currency) {
}

package vn.binhdan.campaign;

import java.time.LocalDate;

/** What a user types to create or change a plan. */
public record PlanDraft(String number, String title, Long issuerUnitId, LocalDate issuedOn, Integer fromYear,
                        Integer toYear) {
}

package vn.binhdan.campaign;

import java.time.LocalDate;

/**
 * A plan as issued: its number and title, the unit that issued it, its date and the years it
 * covers.
 *
 * @param editable whether the signed-in user may change it (an administrator or commune officer
 *                 over the issuing unit)
 */
public record Plan(long id, String number, String title, long issuerUnitId, String issuerName, LocalDate issuedOn,
                   int fromYear, int toYear, boolean editable) {
}

package vn.binhdan.community;

import java.time.LocalDate;

/**
 * A household declared a "Gia đình số" and the member who guides the others. {@code certified}
 * is read today: a family whose guide lost the certificate no longer counts.
 */
public record DigitalFamily(long householdId, String householdCode, long guideId, String guideName, String unitName,
                            LocalDate declaredOn, String declaredBy, boolean certified) {
}

package vn.binhdan.reporting;

import java.time.Instant;

/** Where a unit is reminded of its reports: a contact person, an e-mail address, a phone number. */
public record UnitContact(long unitId, String unitName, String person, String email, String phone, String updatedBy,
                          Instant updatedAt) {

    public boolean reachable() {
        return email != null || phone != null;
    }
}

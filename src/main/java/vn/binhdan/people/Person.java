package vn.binhdan.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/** A person's record as shown to those allowed to read it. The ID number is shown as its last 3 digits only. */
public record Person(long id, String fullName, LocalDate birthDate, Sex sex, String ethnicity, String disability,
                     String phone, String idLast3, long residenceUnitId, String residenceUnitName,
                     String residenceUnitPath, String householdCode, List<Membership> memberships, boolean adult) {

    @JsonProperty
    public String maskedId() {
        return idLast3 == null ? null : "*********" + idLast3;
    }
}

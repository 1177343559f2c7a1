package vn.binhdan.people;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A new or changed person. {@code idNumber} is the 12-digit CCCD, hashed on arrival; on update a
 * blank ID keeps the stored one.
 */
// the limits are the columns' sizes (an ID number or a phone may come with spaces between groups)
public record PersonForm(@Size(max = 200) String fullName, LocalDate birthDate, Sex sex, @Size(max = 64) String ethnicity,
                         @Size(max = 128) String disability, @Size(max = 20) String phone, @Size(max = 20) String idNumber,
                         @Size(max = 40) String residenceUnitCode, @Size(max = 64) String householdCode) {
}

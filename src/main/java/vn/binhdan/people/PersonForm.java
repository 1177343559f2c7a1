package vn.binhdan.people;

import java.time.LocalDate;

/**
 * A new or changed person. {@code idNumber} is the 12-digit CCCD, hashed on arrival; on update a
 * blank ID keeps the stored one.
 */
public record PersonForm(String fullName, LocalDate birthDate, Sex sex, String ethnicity, String disability,
                         String phone, String idNumber, String residenceUnitCode, String householdCode) {
}

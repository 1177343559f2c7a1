package vn.binhdan.community;

import java.time.LocalDate;

/**
 * Someone helped who is not in the registry yet: the commune registers them from this list
 * (with their ID card) so that their learning and certificates count where they live.
 */
public record UnregisteredPerson(String fullName, Integer birthYear, String unitName, int sessions, LocalDate lastHelped,
                                 boolean visitor) {
}

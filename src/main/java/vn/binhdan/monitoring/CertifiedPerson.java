package vn.binhdan.monitoring;

import java.time.LocalDate;

/** One person behind a certified count: where they count, since when, and what certifies them. */
public record CertifiedPerson(long personId, String fullName, String unitName, LocalDate since, String certificateId,
                              boolean declared) {
}

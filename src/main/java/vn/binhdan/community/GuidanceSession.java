package vn.binhdan.community;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A recorded guidance session as officers and the recorder see it. */
public record GuidanceSession(long id, long unitId, String unitName, Long teamId, LocalDate givenOn, GuidancePlace place,
                              int minutes, GuidanceOutcome outcome, List<String> topics, String note,
                              List<Person> people, String recordedBy, Instant recordedAt) {

    /** {@code personId} null: not (yet) in the registry. */
    public record Person(Long personId, String fullName, Integer birthYear, boolean visitor) {
    }
}

package vn.binhdan.community;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * One help given, as written on the phone. {@code clientId} is made on the phone when the entry
 * is written, so that sending it again (a lost reply, a second sync) records nothing new.
 * {@code unitId} is where it counts (default: the recorder's own unit); {@code teamId} defaults
 * to the team of that unit. Several people make a batch session.
 */
public record GuidanceEntry(@Size(max = 64) String clientId, LocalDate givenOn, Long unitId, Long teamId,
                            GuidancePlace place, Integer minutes, GuidanceOutcome outcome,
                            List<@Size(max = 40) String> topics, @Size(max = 500) String note, List<Helped> people) {

    /**
     * Someone helped: a person of the registry ({@code personId}), or a name and birth year that
     * is matched against the registry of the recorder's area when it arrives. {@code visitor}
     * marks a person who lives outside the recorder's area.
     */
    public record Helped(Long personId, @Size(max = 200) String fullName, Integer birthYear, Boolean visitor) {

        /** Missing counts as "lives here": phone apps leave the flag out for most people. */
        public boolean markedVisitor() {
            return Boolean.TRUE.equals(visitor);
        }
    }
}

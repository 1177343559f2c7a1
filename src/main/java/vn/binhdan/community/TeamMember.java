package vn.binhdan.community;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A member of a team: a person of the registry; one member of a team leads it. */
public record TeamMember(long personId, String fullName, boolean leader, String phone, LocalDate joinedOn) {

    /** How a member is added: who, whether they lead, and a contact phone for the team list. */
    public record Form(Long personId, Boolean leader, @Size(max = 20) String phone) {

        public boolean leads() {
            return Boolean.TRUE.equals(leader);
        }
    }
}

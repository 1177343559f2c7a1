package vn.binhdan.community;

import java.util.List;

/** A household with a certified member that has not been declared a digital family yet. */
public record FamilyCandidate(long householdId, String householdCode, int members, List<Member> certifiedMembers) {

    public record Member(long personId, String fullName) {
    }
}

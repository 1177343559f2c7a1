package vn.binhdan.shared;

/** Roles of the platform. Every grant of a role holds over one unit's subtree. */
public enum Role {
    LEARNER,
    TEAM_MEMBER,
    COMMUNE_OFFICER,
    AGENCY_OFFICER,
    PROVINCE_ADMIN,
    CONTENT_AUTHOR,
    SYSTEM_ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}

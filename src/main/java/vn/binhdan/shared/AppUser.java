package vn.binhdan.shared;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The signed-in account as every module sees it, however it signed in (form, token or
 * OpenID Connect). Services decide what it may do; the UI only hides what it may not.
 */
public record AppUser(long accountId, String username, String displayName, Long personId, List<Grant> grants)
        implements java.io.Serializable, java.security.Principal {

    public AppUser {
        grants = List.copyOf(grants);
    }

    /**
     * The username: what a signed-in session is filed under (Spring Session's principal index),
     * rather than this record's whole text.
     */
    @Override
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    /** True when one of the given roles is held over a subtree containing {@code unitPath}. */
    public boolean canActOn(String unitPath, Collection<Role> roles) {
        if (has(Role.SYSTEM_ADMIN)) {
            return true;
        }
        return grants.stream().anyMatch(g -> roles.contains(g.role()) && g.covers(unitPath));
    }

    public boolean canActOn(String unitPath, Role first, Role... rest) {
        return canActOn(unitPath, EnumSet.of(first, rest));
    }

    /** The subtree roots (paths) over which one of the roles is held; empty means nowhere. */
    public List<String> scopePaths(Collection<Role> roles) {
        if (has(Role.SYSTEM_ADMIN)) {
            return List.of("/");
        }
        return grants.stream().filter(g -> roles.contains(g.role())).map(Grant::unitPath).distinct().toList();
    }

    public Set<Role> roles() {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        grants.forEach(g -> roles.add(g.role()));
        return roles;
    }
}

package vn.binhdan.community.internal;

import java.util.EnumSet;
import java.util.Set;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.Role;

/**
 * Who runs community work: the commune's officers and its digital technology teams, each within
 * the subtree of their grant, and the province's administrators everywhere in theirs.
 */
public final class Access {

    public static final Set<Role> MANAGERS = EnumSet.of(Role.TEAM_MEMBER, Role.COMMUNE_OFFICER, Role.PROVINCE_ADMIN,
            Role.SYSTEM_ADMIN);

    private Access() {
    }

    public static boolean canManage(AppUser user, String unitPath) {
        return user.canActOn(unitPath, MANAGERS);
    }

    public static AppUser requireManager() {
        AppUser user = CurrentUser.require();
        if (user.scopePaths(MANAGERS).isEmpty()) {
            throw new ForbiddenException("community.forbidden");
        }
        return user;
    }

    public static void requireManager(AppUser user, String unitPath) {
        if (!canManage(user, unitPath)) {
            throw new ForbiddenException("community.forbidden");
        }
    }
}

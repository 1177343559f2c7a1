package vn.binhdan.shared;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the {@link AppUser} of the current request, whichever way it authenticated. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<AppUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return Optional.empty();
        }
        if (auth.getPrincipal() instanceof AppUser user) {
            return Optional.of(user);
        }
        if (auth.getPrincipal() instanceof AppUserHolder holder) {
            return Optional.of(holder.appUser());
        }
        return Optional.empty();
    }

    public static AppUser require() {
        return find().orElseThrow(() -> new ForbiddenException("error.notSignedIn"));
    }

    /** Implemented by principals (e.g. an OpenID Connect user) that carry an {@link AppUser}. */
    public interface AppUserHolder {
        AppUser appUser();
    }
}

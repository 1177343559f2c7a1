package vn.binhdan.shared;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs platform-internal work (demo data, scheduled checks) under a named system identity. */
public final class SystemUser {

    public static final AppUser SYSTEM = new AppUser(0, "system", "Hệ thống", null,
            List.of(new Grant(Role.SYSTEM_ADMIN, 0, "/")));

    private SystemUser() {
    }

    public static <T> T call(AppUser user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        SecurityContextHolder.setContext(ctx);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(AppUser user, Runnable work) {
        call(user, () -> {
            work.run();
            return null;
        });
    }
}

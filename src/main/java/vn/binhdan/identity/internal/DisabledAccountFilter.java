package vn.binhdan.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.binhdan.identity.AccountService;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.CurrentUser;

/**
 * Ends the browser session of an account that has been disabled since it signed in: sessions live
 * in the database and outlast the sign-in check, so without this a disabled official would keep
 * working in an open tab. Reads the same per-account cache as the API tokens, which every instance
 * clears as soon as an account changes, so this costs a map lookup per page.
 */
class DisabledAccountFilter extends OncePerRequestFilter {

    private final AccountService accounts;

    DisabledAccountFilter(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<AppUser> user = CurrentUser.find();
        if (user.isPresent() && accounts.loadForToken(user.get().accountId()).isEmpty()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}

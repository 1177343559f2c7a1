package vn.binhdan.audit.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.binhdan.audit.AuditLog;

/**
 * Every 403 is audited, however it was reached: a service's refusal turned into a problem or an
 * error page, or the security filters' own access-denied handlers (a page's missing CSRF token).
 * The filter wraps the security filters, so it sees all of them, and notes the refusal at the
 * moment the status is set, while the signed-in user is still known to the request.
 */
@Configuration
class RefusalAudit {

    private static final Logger log = LoggerFactory.getLogger(RefusalAudit.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> refusalAuditFilter(AuditLog audit) {
        FilterRegistrationBean<OncePerRequestFilter> reg = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(req, new Watched(req, res, audit));
            }
        });
        reg.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        reg.setDispatcherTypes(DispatcherType.REQUEST);
        return reg;
    }

    private static final class Watched extends HttpServletResponseWrapper {

        private final HttpServletRequest req;
        private final AuditLog audit;

        Watched(HttpServletRequest req, HttpServletResponse res, AuditLog audit) {
            super(res);
            this.req = req;
            this.audit = audit;
        }

        @Override
        public void setStatus(int sc) {
            watch(sc);
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            watch(sc);
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            watch(sc);
            super.sendError(sc, msg);
        }

        private void watch(int status) {
            if (status != HttpServletResponse.SC_FORBIDDEN) {
                return;
            }
            try {
                audit.refused(req.getMethod(), req.getRequestURI());
            } catch (RuntimeException e) {
                // the user still gets their 403; the operator learns the trail missed one
                log.error("Could not audit a refused {} {}", req.getMethod(), req.getRequestURI(), e);
            }
        }
    }
}

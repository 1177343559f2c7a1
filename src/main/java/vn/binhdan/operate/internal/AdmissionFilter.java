package vn.binhdan.operate.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.binhdan.shared.web.ProblemWriter;

/**
 * Bounds the requests this instance serves at once. With virtual threads nothing else does: past
 * the breaking point every request was accepted, buffered and kept in memory until the heap was
 * full, and then all of them failed. Beyond the bound a request waits a moment for a place and is
 * otherwise refused at once with 503 and Retry-After, so the requests admitted keep their speed and
 * the exam page's autosave tries again after the wait. Health checks and static files are never
 * refused: a load balancer must still see the instance alive, and a file costs next to nothing.
 */
class AdmissionFilter extends OncePerRequestFilter {

    private final OperateProperties props;
    private final Semaphore all;
    private final Semaphore hot;
    private final ProblemWriter problems;
    private final Counter refused;

    AdmissionFilter(OperateProperties props, ProblemWriter problems, MeterRegistry meters) {
        this.props = props;
        this.problems = problems;
        this.all = new Semaphore(Math.max(1, props.maxConcurrentRequests()));
        this.hot = new Semaphore(Math.max(1, props.maxConcurrentHot()));
        Gauge.builder("binhdan.requests.in.flight", all, s -> props.maxConcurrentRequests() - s.availablePermits())
                .description("requests being served by this instance").register(meters);
        Gauge.builder("binhdan.requests.limit", props, OperateProperties::maxConcurrentRequests)
                .description("the bound on requests served at once").register(meters);
        this.refused = Counter.builder("binhdan.requests.refused").description("requests refused with 503 (overload)")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (props.maxConcurrentRequests() <= 0) {
            return true;
        }
        String path = request.getRequestURI();
        return path.startsWith("/actuator/health") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/img/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean isHot = isHot(request.getRequestURI());
        if (!acquire(all)) {
            refuse(request, response);
            return;
        }
        try {
            if (isHot && !acquire(hot)) {
                refuse(request, response);
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                if (isHot) {
                    hot.release();
                }
            }
        } finally {
            all.release();
        }
    }

    private boolean isHot(String path) {
        for (String prefix : props.hotPaths()) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private boolean acquire(Semaphore s) {
        try {
            return s.tryAcquire(props.queueWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refused.increment();
        long seconds = Math.max(1, props.retryAfter().toSeconds());
        response.setHeader("Retry-After", Long.toString(seconds));
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/html") && !request.getRequestURI().startsWith("/api/")) {
            response.setStatus(503);
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<title>Hệ thống đang quá tải</title></head><body><h1>Hệ thống đang quá tải</h1>"
                    + "<p>Xin thử lại sau " + seconds + " giây.</p></body></html>").getBytes(StandardCharsets.UTF_8));
            return;
        }
        problems.write(request, response, 503, "operate.overloaded", seconds);
    }
}

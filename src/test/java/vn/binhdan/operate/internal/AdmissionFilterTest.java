package vn.binhdan.operate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import vn.binhdan.shared.web.ProblemWriter;

/** Beyond the bound a request is refused at once with 503 and Retry-After; the admitted ones are served. */
class AdmissionFilterTest {

    private final ProblemWriter problems = mock(ProblemWriter.class);

    AdmissionFilterTest() throws Exception {
        doAnswer(inv -> {
            MockHttpServletResponse res = inv.getArgument(1);
            res.setStatus(inv.getArgument(2));
            res.setContentType("application/problem+json");
            return null;
        }).when(problems).write(any(), any(), anyInt(), anyString(), any());
    }

    @Test
    void theRequestBeyondTheBoundIsRefusedWithRetryAfterAndHealthStillAnswers() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AdmissionFilter filter = new AdmissionFilter(new OperateProperties(1, 1, List.of("/exam"), Duration.ZERO,
                Duration.ofSeconds(3)), problems, meters);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MockHttpServletResponse first = new MockHttpServletResponse();
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> {
            try {
                filter.doFilter(new MockHttpServletRequest("GET", "/learn"), first, (req, res) -> {
                    inside.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        inside.await();

        MockHttpServletResponse second = new MockHttpServletResponse();
        MockHttpServletRequest api = new MockHttpServletRequest("POST", "/api/v1/me/exams/1/answers/3");
        api.addHeader("Accept", "application/json");
        filter.doFilter(api, second, (req, res) -> ((MockHttpServletResponse) res).setStatus(200));
        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(second.getHeader("Retry-After")).isEqualTo("3");

        MockHttpServletResponse page = new MockHttpServletResponse();
        MockHttpServletRequest html = new MockHttpServletRequest("GET", "/learn");
        html.addHeader("Accept", "text/html");
        filter.doFilter(html, page, (req, res) -> ((MockHttpServletResponse) res).setStatus(200));
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getContentAsString()).contains("Hệ thống đang quá tải");

        MockHttpServletResponse health = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/actuator/health"), health,
                (req, res) -> ((MockHttpServletResponse) res).setStatus(200));
        assertThat(health.getStatus()).as("a load balancer still sees the instance alive").isEqualTo(200);
        assertThat(meters.get("binhdan.requests.refused").counter().count()).isEqualTo(2.0);

        release.countDown();
        held.get();
        assertThat(first.getStatus()).isEqualTo(200);
        MockHttpServletResponse after = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/learn"), after, (req, res) -> ((MockHttpServletResponse) res).setStatus(200));
        assertThat(after.getStatus()).as("a place freed is taken by the next request").isEqualTo(200);
    }
}

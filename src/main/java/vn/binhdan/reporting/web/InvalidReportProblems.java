package vn.binhdan.reporting.web;

import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.binhdan.reporting.InvalidReport;
import vn.binhdan.shared.web.ProblemWriter;

/**
 * A refused report, form, rule or contact as a problem detail listing each field and its reason,
 * so that an app can put every message beside its field. Ahead of the shared handler, which would
 * answer with the summary alone.
 */
@RestControllerAdvice(assignableTypes = {ReportApi.class, FormApi.class, ReminderApi.class, ValidationApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidReportProblems {

    private final ProblemWriter problems;
    private final MessageSource messages;

    InvalidReportProblems(ProblemWriter problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(InvalidReport.class)
    ResponseEntity<ProblemDetail> invalid(InvalidReport e) {
        ProblemDetail p = problems.problem(e.status(), e.messageKey(), e.args());
        p.setProperty("errors", e.errors().stream().map(f -> Map.of("field", f.field(),
                "message", messages.getMessage(f.messageKey(), f.args(), f.messageKey(), LocaleContextHolder.getLocale())))
                .toList());
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}

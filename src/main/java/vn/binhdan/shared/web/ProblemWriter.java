package vn.binhdan.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;

/** RFC 9457 problem details with a message in the user's language (Vietnamese unless asked otherwise). */
@Component
public class ProblemWriter {

    private final MessageSource messages;
    private final ObjectMapper json;
    private final LocaleResolver locales;

    public ProblemWriter(MessageSource messages, ObjectMapper json, LocaleResolver locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    public ProblemDetail problem(int status, String messageKey, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status),
                messages.getMessage(messageKey, args, messageKey, locale));
        p.setTitle(messages.getMessage("problem.title." + status, null, HttpStatus.valueOf(status).getReasonPhrase(), locale));
        p.setProperty("code", messageKey);
        // the request's id (operate module), which finds the request's log lines
        String requestId = org.slf4j.MDC.get("requestId");
        if (requestId != null) {
            p.setProperty("requestId", requestId);
        }
        return p;
    }

    /**
     * For errors raised before the dispatcher servlet (security filters), where the request's
     * locale has not been resolved yet.
     */
    public void write(HttpServletRequest req, HttpServletResponse res, int status, String messageKey, Object... args)
            throws IOException {
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(locales.resolveLocale(req));
        try {
            write(res, status, messageKey, args);
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }

    public void write(HttpServletResponse res, int status, String messageKey, Object... args) throws IOException {
        res.setStatus(status);
        res.setContentType("application/problem+json");
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == 401) {
            res.setHeader("WWW-Authenticate", "Bearer");
        }
        res.getWriter().write(json.writeValueAsString(problem(status, messageKey, args)));
    }
}

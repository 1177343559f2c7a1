package vn.binhdan.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** RFC 9457 problem details with a message in the user's language (Vietnamese unless asked otherwise). */
@Component
public class ProblemWriter {

    private final MessageSource messages;
    private final ObjectMapper json;

    public ProblemWriter(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public ProblemDetail problem(int status, String messageKey, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status),
                messages.getMessage(messageKey, args, messageKey, locale));
        p.setTitle(messages.getMessage("problem.title." + status, null, HttpStatus.valueOf(status).getReasonPhrase(), locale));
        p.setProperty("code", messageKey);
        return p;
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

package vn.binhdan.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.FieldTooLongException;

/**
 * Every error reaches the user in Vietnamese: as problem details under /api, as a friendly
 * page elsewhere. Unexpected errors are logged with an id the user can quote, never shown.
 */
@ControllerAdvice
public class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private final ProblemWriter problems;

    public ErrorHandling(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(BusinessException.class)
    Object business(BusinessException e, HttpServletRequest req, HttpServletResponse res) {
        ProblemDetail p = problems.problem(e.status(), e.messageKey(), e.args());
        if (e instanceof FieldTooLongException tooLong) {
            // a client fixes the named field; the text itself is never echoed
            p.setProperty("field", tooLong.field());
        }
        return respond(req, res, p);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    Object denied(Exception e, HttpServletRequest req, HttpServletResponse res) {
        return respond(req, res, problems.problem(403, "error.forbidden"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest req, HttpServletResponse res) {
        return respond(req, res, problems.problem(413, "import.error.uploadTooLarge"));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            IllegalArgumentException.class})
    Object badRequest(Exception e, HttpServletRequest req, HttpServletResponse res) {
        return respond(req, res, problems.problem(400, "error.badRequest"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(Exception e, HttpServletRequest req, HttpServletResponse res) {
        return respond(req, res, problems.problem(405, "error.method"));
    }

    /** A client asking for a format the address does not give (an API read with Accept: text/html). */
    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    Object notAcceptable(Exception e, HttpServletRequest req, HttpServletResponse res) {
        return respond(req, res, problems.problem(406, "error.notAcceptable"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(Exception e, HttpServletRequest req, HttpServletResponse res) {
        return respond(req, res, problems.problem(404, "error.notFound"));
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest req, HttpServletResponse res) {
        String ref = Long.toString(System.nanoTime(), 36);
        if (valueTooLong(e)) {
            // a text that slipped past its limit: the user's mistake, not ours; the database's
            // message quotes the text (personal data perhaps), so only the place is logged
            log.warn("Text too long for its column {} on {} {}", ref, req.getMethod(), req.getRequestURI());
            return respond(req, res, problems.problem(400, "error.valueTooLong"));
        }
        log.error("Unexpected error {} on {} {}", ref, req.getMethod(), req.getRequestURI(), e);
        return respond(req, res, problems.problem(500, "error.internal", ref));
    }

    /** SQLState 22001, "string data, right truncation", as both H2 and PostgreSQL report it. */
    private static boolean valueTooLong(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "22001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Object respond(HttpServletRequest req, HttpServletResponse res, ProblemDetail p) {
        String accept = String.valueOf(req.getHeader("Accept"));
        boolean api = req.getRequestURI().startsWith(req.getContextPath() + "/api/")
                || (accept.contains("json") && !accept.contains("text/html"));
        if (api) {
            return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        res.setStatus(p.getStatus());
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(org.springframework.http.HttpStatus.valueOf(p.getStatus()));
        mav.addObject("problem", p);
        return mav;
    }
}

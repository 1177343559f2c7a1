package vn.binhdan.community.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.binhdan.shared.BusinessException;

/** What the pages share: refusals as form messages, dates from form fields, ids typed by hand. */
@Component
class PageSupport {

    private final MessageSource messages;

    PageSupport(MessageSource messages) {
        this.messages = messages;
    }

    String message(BusinessException e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** Out of scope is an error page (403/404), not a form message: the record is not the user's. */
    static void rethrowAccess(BusinessException e) {
        if (e.status() == 403 || e.status() == 404) {
            throw e;
        }
    }

    static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new BusinessException("cascade.badDate", s);
        }
    }

    static Long id(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new BusinessException("cascade.badId", s);
        }
    }
}

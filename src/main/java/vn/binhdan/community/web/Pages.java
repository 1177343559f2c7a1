package vn.binhdan.community.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.binhdan.shared.BusinessException;

/** What the community pages share: reading typed dates and times, and saying a refusal in the reader's language. */
final class Pages {

    private Pages() {
    }

    /** Out of scope is an error page (403/404), not a form message: the record is not the user's. */
    static void rethrowAccess(BusinessException e) {
        if (e.status() == 403 || e.status() == 404) {
            throw e;
        }
    }

    static LocalDate date(String s, String key) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new BusinessException(key, s);
        }
    }

    static LocalTime time(String s, String key) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new BusinessException(key, s);
        }
    }

    static String message(MessageSource messages, BusinessException e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    static String message(MessageSource messages, String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}

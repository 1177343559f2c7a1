package vn.binhdan.shared.web;

import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import vn.binhdan.shared.TextLimits;

/**
 * Holds every JSON request body to {@link TextLimits} as it is read, before the handler runs: a
 * new endpoint is covered without doing anything, and a too-long text never reaches a service,
 * the database or the log.
 */
@ControllerAdvice
class RequestBodyLimits extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        // a whole document posted as text (a credential, a framework file) is parsed and bounded by its reader
        if (!(body instanceof CharSequence) && !body.getClass().isAnnotationPresent(TextLimits.CheckedPerItem.class)) {
            TextLimits.check(body);
        }
        return body;
    }
}

package vn.binhdan.learning.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Rendered lesson pages, reused for every learner who would get the same bytes. A key holds
 * everything the page shows that can differ (lesson and its course's last edit, language,
 * display choices, menu, whether the lesson is done and the next one open); the only
 * per-request part, the form token, is left as a hole and filled in on each request. Rendering
 * was two thirds of a lesson view's CPU; a cached view only fills the hole.
 */
@Component
class LessonPageCache {

    private static final String HOLE = "__binhdan_csrf_hole__";
    private static final int MAX_PAGES = 5000;

    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final ViewResolver views;

    LessonPageCache(@Qualifier("thymeleafViewResolver") ViewResolver views) {
        this.views = views;
    }

    /** Writes the page if it is cached; false if it is not (then render it with {@link #serve}). */
    boolean serveCached(String key, HttpServletRequest request, HttpServletResponse response) throws Exception {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String page = pages.get(key);
        if (token == null || page == null) {
            return false;
        }
        write(page, token.getToken(), response);
        return true;
    }

    /** Writes the page from the cache, rendering it first if needed; false if it cannot be cached. */
    boolean serve(String key, String viewName, Map<String, Object> model, Locale locale, HttpServletRequest request,
                  HttpServletResponse response) throws Exception {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            return false;
        }
        String realToken = token.getToken();
        String page = pages.get(key);
        if (page == null) {
            View view = views.resolveViewName(viewName, locale);
            if (view == null) {
                return false;
            }
            ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(response);
            view.render(model, request, buffer);
            page = new String(buffer.getContentAsByteArray(), StandardCharsets.UTF_8).replace(realToken, HOLE);
            if (pages.size() >= MAX_PAGES) {
                pages.clear(); // crude, but bounded: keys are few (lessons × languages × display choices)
            }
            pages.put(key, page);
        }
        write(page, realToken, response);
        return true;
    }

    private static void write(String page, String token, HttpServletResponse response) throws java.io.IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(page.replace(HOLE, token).getBytes(StandardCharsets.UTF_8));
    }
}

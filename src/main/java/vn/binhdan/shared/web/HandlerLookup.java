package vn.binhdan.shared.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's handler without testing all of the platform's 500 mappings in full. Spring
 * looks a path with variables ({@code /api/v1/me/contest-entries/{id}/items/{position}}) up by
 * asking every mapping whether it matches, method and headers first; in a contest rush that
 * was a fifth of the server's CPU. Here a mapping whose patterns' literal beginnings cannot
 * start the path is passed over before any of that. Paths with escapes or matrix parameters
 * (which Spring decodes before matching) take the full route.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new PrefixFirstMapping();
    }

    static final class PrefixFirstMapping extends RequestMappingHandlerMapping {

        /** Each mapping's literal pattern beginnings, made once the mappings are registered. */
        private volatile Map<RequestMappingInfo, String[]> prefixes = Map.of();
        private static final String[] ANY = new String[0];
        /** The path being looked up, for the checks of each mapping during one lookup. */
        private static final ThreadLocal<String> PATH = new ThreadLocal<>();

        @Override
        public void afterPropertiesSet() {
            super.afterPropertiesSet();
            Map<RequestMappingInfo, String[]> made = new IdentityHashMap<>();
            getHandlerMethods().keySet().forEach(info -> made.put(info, literalBeginnings(info)));
            prefixes = made;
        }

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            PATH.set(lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0 ? null : lookupPath);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                PATH.remove();
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String path = PATH.get();
            if (path != null && !couldMatch(prefixesOf(info), path)) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        /** A path no mapping can begin (a static file) has no partial match to report either. */
        @Override
        protected HandlerMethod handleNoMatch(Set<RequestMappingInfo> infos, String lookupPath, HttpServletRequest request)
                throws ServletException {
            String path = PATH.get();
            if (path != null && infos.stream().noneMatch(info -> couldMatch(prefixesOf(info), path))) {
                return null;
            }
            return super.handleNoMatch(infos, lookupPath, request);
        }

        private static boolean couldMatch(String[] literal, String path) {
            if (literal == ANY) {
                return true;
            }
            for (String p : literal) {
                if (path.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }

        private String[] prefixesOf(RequestMappingInfo info) {
            String[] p = prefixes.get(info);
            return p != null ? p : literalBeginnings(info);
        }

        static String[] literalBeginnings(RequestMappingInfo info) {
            PathPatternsRequestCondition c = info.getPathPatternsCondition();
            if (c == null || c.getPatterns().isEmpty()) {
                return ANY;
            }
            String[] out = new String[c.getPatterns().size()];
            int i = 0;
            for (PathPattern p : c.getPatterns()) {
                String s = p.getPatternString();
                int cut = s.length();
                for (char special : new char[] {'{', '*', '?'}) {
                    int at = s.indexOf(special);
                    if (at >= 0 && at < cut) {
                        cut = at;
                    }
                }
                // a pattern "/x" also matches "/x/" only where trailing slashes are configured to; the
                // literal beginning stops before any slash it ends on, so either way it is not refused here
                String literal = s.substring(0, cut);
                if (literal.endsWith("/") && cut == s.length()) {
                    literal = literal.substring(0, literal.length() - 1);
                }
                if (literal.isEmpty()) {
                    return ANY;
                }
                out[i++] = literal;
            }
            return out;
        }
    }
}

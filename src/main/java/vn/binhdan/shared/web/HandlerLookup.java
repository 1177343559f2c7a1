package vn.binhdan.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's handler without testing all of the platform's 500 mappings in full. Spring
 * looks a path with variables ({@code /api/v1/me/contest-entries/{id}/items/{position}}) up by
 * asking every mapping whether it matches, method and headers first; in a contest rush that
 * was a fifth of the server's CPU. Here a mapping whose patterns' literal beginnings cannot
 * start the path is passed over before any of that. Paths with escapes (which Spring decodes
 * before matching), exact paths (which Spring finds in a map) and preflights take Spring's route.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new PrefixFirstMapping();
    }

    static final class PrefixFirstMapping extends RequestMappingHandlerMapping {

        private static final String[] ANY = new String[0];

        /** Each mapping with its patterns' literal beginnings, and the paths Spring finds directly. */
        private record Candidate(RequestMappingInfo info, String[] prefixes, HandlerMethod handler) {
        }

        private volatile Candidate[] candidates;
        private volatile Set<String> directPaths = Set.of();

        @Override
        protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
            super.handlerMethodsInitialized(handlerMethods);
            List<Candidate> made = new ArrayList<>();
            Set<String> direct = new HashSet<>();
            handlerMethods.forEach((info, handler) -> {
                made.add(new Candidate(info, literalBeginnings(info), handler));
                direct.addAll(getDirectPaths(info));
            });
            candidates = made.toArray(Candidate[]::new);
            directPaths = Set.copyOf(direct);
        }

        /**
         * Spring's own lookup for what it finds by exact path, for CORS preflights and for whatever is
         * not one clear match; otherwise only the mappings whose literal beginning starts the path are
         * asked, in full, whether they match, and the most specific one wins as in Spring's.
         */
        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            Candidate[] all = candidates;
            if (all == null || lookupPath.indexOf('%') >= 0 || directPaths.contains(lookupPath)
                    || CorsUtils.isPreFlightRequest(request)) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            RequestMappingInfo best = null;
            HandlerMethod bestHandler = null;
            RequestMappingInfo second = null;
            Comparator<RequestMappingInfo> order = null;
            for (Candidate c : all) {
                if (!couldMatch(c.prefixes(), lookupPath)) {
                    continue;
                }
                RequestMappingInfo m = getMatchingMapping(c.info(), request);
                if (m == null) {
                    continue;
                }
                if (best == null) {
                    best = m;
                    bestHandler = c.handler();
                    continue;
                }
                if (order == null) {
                    order = getMappingComparator(request);
                }
                int cmp = order.compare(m, best);
                if (cmp < 0) {
                    second = best;
                    best = m;
                    bestHandler = c.handler();
                } else if (second == null || order.compare(m, second) < 0) {
                    second = m;
                }
            }
            if (best == null || (second != null && order.compare(best, second) == 0)) {
                // no match (Spring answers 404, 405 or 415) or an ambiguous one (Spring refuses it)
                return super.lookupHandlerMethod(lookupPath, request);
            }
            request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, bestHandler);
            handleMatch(best, lookupPath, request);
            return bestHandler;
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

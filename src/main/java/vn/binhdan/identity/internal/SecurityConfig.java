package vn.binhdan.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import vn.binhdan.identity.LoginThrottledException;
import vn.binhdan.identity.AccountService;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.web.ProblemWriter;

/**
 * Two filter chains: the JSON API (stateless bearer tokens, problem-details errors) and the
 * browser UI (session, form login and, when a provider is configured, OpenID Connect login).
 */
@Configuration
public class SecurityConfig {

    static final Locale VI = Locale.forLanguageTag("vi");

    /**
     * Scripts and styles only from files of this site: a script slipped into a lesson or a name
     * cannot run. No page may frame ours (clickjacking), and forms post only to us.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    /** The same headers on pages and on the API. HSTS is only ever sent over HTTPS (directly or behind a proxy). */
    private static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(s -> s.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
    }

    /**
     * Redirects keep only the path: an absolute address would be built from the client's Host
     * header, which anyone can forge (a poisoned cache or a login link sending people elsewhere).
     */
    static final RedirectStrategy PATH_ONLY_REDIRECTS = (req, res, url) -> {
        String target = url;
        try {
            java.net.URI u = java.net.URI.create(url);
            if (u.isAbsolute() || u.getRawAuthority() != null) {
                target = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
                        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
            } else if (!url.startsWith("/")) {
                target = req.getContextPath() + "/" + url;
            } else if (!url.startsWith(req.getContextPath() + "/")) {
                target = req.getContextPath() + url;
            }
        } catch (IllegalArgumentException e) {
            target = req.getContextPath() + "/";
        }
        if (target.startsWith("//")) {
            target = "/";
        }
        res.sendRedirect(res.encodeRedirectURL(target));
    };

    /**
     * No observation around the security filters at all: the property that turns them off
     * (application.yml) still wraps each filter of each request in a no-op observation.
     */
    @Bean
    static org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationProvider localAuthentication(AccountService accounts) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication auth) throws AuthenticationException {
                String address = auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
                AppUser user = accounts.authenticate(auth.getName(), String.valueOf(auth.getCredentials()), address);
                return token(user);
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }

    @Bean
    AuthenticationManager authenticationManager(AuthenticationProvider localAuthentication) {
        return new ProviderManager(localAuthentication);
    }

    static UsernamePasswordAuthenticationToken token(AppUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenService tokens, AccountService accounts, ProblemWriter problems)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/auth/login", "/api/docs", "/api/docs/**", "/api/swagger-ui/**").permitAll()
                        // anyone may check a certificate they are shown
                        .requestMatchers("/api/v1/credentials/*/verify", "/api/v1/credentials/verify").permitAll()
                        // the published model citizens and villages are an honour list, names and units only
                        .requestMatchers(HttpMethod.GET, "/api/v1/recognition/public").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.httpStrictTransportSecurity(s -> s.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .csrf(c -> c.disable())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(tokens.decoder()).jwtAuthenticationConverter(jwt -> fromJwt(jwt, accounts)))
                        .authenticationEntryPoint((req, res, ex) -> problems.write(req, res, 401,
                                isExpired(ex) ? "auth.tokenExpired" : "auth.required"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, 403, "error.forbidden")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(req, res, 401, "auth.required"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, 403, "error.forbidden")));
        return http.build();
    }

    private static boolean isExpired(AuthenticationException ex) {
        return ex instanceof InvalidBearerTokenException && String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT).contains("expired");
    }

    static AbstractAuthenticationToken fromJwt(Jwt jwt, AccountService accounts) {
        Object uid = jwt.getClaims().get("uid");
        if (!(uid instanceof Number n)) {
            throw new InvalidBearerTokenException("no account in token");
        }
        AppUser user = accounts.loadForToken(n.longValue())
                .orElseThrow(() -> new InvalidBearerTokenException("account disabled or locked"));
        return token(user);
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidcClients,
                            AccountService accounts, MessageSource messages) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico", "/actuator/health", "/actuator/health/**", "/v3/api-docs/**",
                                "/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // the public verification page the certificate's QR code opens, the
                        // issuers' published keys and the revocation status lists
                        .requestMatchers(HttpMethod.GET, "/verify", "/verify/*", "/issuers/*", "/credentials/status/*",
                                "/recognised")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/verify").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").failureHandler(failureHandler()).successHandler(successHandler())
                        .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(loginEntryPoint()))
                .logout(l -> l.logoutSuccessHandler(logoutSuccess()).permitAll())
                // operate (issue 21): a session outlives its sign-in check; a disabled account's ends here
                .addFilterAfter(new DisabledAccountFilter(accounts),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class);
        headers(http);
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(oidcUserService(accounts)))
                    .failureHandler(failureHandler()));
        }
        return http.build();
    }

    private static LoginUrlAuthenticationEntryPoint loginEntryPoint() {
        LoginUrlAuthenticationEntryPoint entry = new LoginUrlAuthenticationEntryPoint("/login");
        entry.setFavorRelativeUris(true);
        return entry;
    }

    private static AuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setRedirectStrategy(PATH_ONLY_REDIRECTS);
        return handler;
    }

    private static org.springframework.security.web.authentication.logout.LogoutSuccessHandler logoutSuccess() {
        var handler = new org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl("/login?logout");
        handler.setRedirectStrategy(PATH_ONLY_REDIRECTS);
        return handler;
    }

    /** The login page shows why a login failed: wrong password, locked, or an unknown VNeID person. */
    private static AuthenticationFailureHandler failureHandler() {
        return (req, res, ex) -> {
            if (ex instanceof LoginThrottledException t) {
                PATH_ONLY_REDIRECTS.sendRedirect(req, res, "/login?error=throttled&wait=" + t.retryAfterSeconds());
                return;
            }
            String reason = switch (ex) {
                case org.springframework.security.authentication.DisabledException d -> "disabled";
                case OAuth2AuthenticationException o -> "oidc-" + o.getError().getErrorCode();
                default -> "bad";
            };
            res.setStatus(HttpServletResponse.SC_FOUND);
            PATH_ONLY_REDIRECTS.sendRedirect(req, res, "/login?error=" + reason);
        };
    }

    private static OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(AccountService accounts) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser oidc = delegate.loadUser(request);
            try {
                AppUser user = accounts.linkOidc(oidc.getIssuer() == null ? request.getClientRegistration().getRegistrationId()
                        : oidc.getIssuer().toString(), oidc.getSubject(), oidc.getClaims());
                return new OidcAppUser(user, List.copyOf(token(user).getAuthorities()), oidc.getIdToken(), oidc.getUserInfo());
            } catch (BusinessException e) {
                String code = e.messageKey().equals("login.oidc.noId") ? "noid" : "unknown";
                throw new OAuth2AuthenticationException(new OAuth2Error(code), e.messageKey());
            }
        };
    }
}

package vn.binhdan.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import vn.binhdan.identity.AccountService;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.web.ProblemWriter;

/**
 * The metrics (Prometheus at {@code /actuator/prometheus}) are for administrators only: they
 * describe the whole platform. Prometheus signs in as an administrator's account with HTTP Basic
 * ({@code basic_auth} in its scrape configuration) or with an API token; anyone else gets 401/403.
 * Health stays open for load balancers and says nothing beyond UP or DOWN.
 */
@Configuration
class ActuatorSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain actuator(HttpSecurity http, TokenService tokens, AccountService accounts, ProblemWriter problems)
            throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasAnyAuthority(Role.SYSTEM_ADMIN.authority(), Role.PROVINCE_ADMIN.authority()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> {
                    problems.write(req, res, 401, "auth.required");
                    res.addHeader("WWW-Authenticate", "Basic realm=\"binhdan\"");
                }))
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(tokens.decoder()).jwtAuthenticationConverter(jwt -> SecurityConfig.fromJwt(jwt, accounts)))
                        .authenticationEntryPoint((req, res, ex) -> problems.write(req, res, 401, "auth.required")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(req, res, 401, "auth.required"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, 403, "error.forbidden")));
        return http.build();
    }
}

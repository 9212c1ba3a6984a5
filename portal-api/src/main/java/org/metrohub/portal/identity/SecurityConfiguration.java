package org.metrohub.portal.identity;

import java.time.InstantSource;
import org.metrohub.portal.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * Who may call what. Two chains: {@code /media/**} takes room tokens only; everything else takes access
 * tokens (ours or the configured OIDC issuer's). Open without a token: the portal's static files, login,
 * refresh and the guest ticket exchange, the BigBlueButton-compatible API (checksummed), health probes, the
 * OpenAPI description and the public signing key. A guest confined to one room may call only that room
 * ({@link GuestConfinement}). Role and tenant rules beyond
 * "authenticated" live with each feature's service, which knows the record being touched.
 */
@Configuration
@EnableWebFluxSecurity
public class SecurityConfiguration {

    @Bean
    InstantSource clock() {
        return InstantSource.system();
    }

    @Bean
    SigningKey signingKey(SecurityProperties properties) {
        return SigningKey.loadOrCreate(properties.signingKeyFile());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ReactiveJwtDecoder accessTokenDecoder(SecurityProperties properties, SigningKey key) {
        return TokenDecoders.access(properties, key);
    }

    /** Requests the firewall refuses (encoded slashes, NUL, …) get a problem body like every other error. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests(Problems problems) {
        return (exchange, e) -> problems.write(exchange, HttpStatus.BAD_REQUEST,
                "The request URL holds characters the hub does not accept.");
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain mediaChain(ServerHttpSecurity http, SecurityProperties properties, SigningKey key,
                                      Problems problems) {
        ReactiveJwtDecoder roomTokens = TokenDecoders.local(properties, key, TokenAudience.ROOM);
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(roomTokens);
        manager.setJwtAuthenticationConverter(new TokenUserConverter(properties));
        return common(http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/media/**")), problems)
                .authorizeExchange(auth -> auth
                        // a browser cannot put a token on a WebSocket handshake: the first message carries it
                        .pathMatchers(HttpMethod.GET, "/media/rooms/*/signal").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .authenticationEntryPoint(entryPoint(problems))
                        .accessDeniedHandler(accessDenied(problems))
                        .jwt(jwt -> jwt.authenticationManager(manager)))
                .build();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityWebFilterChain apiChain(ServerHttpSecurity http, SecurityProperties properties,
                                    ReactiveJwtDecoder accessTokenDecoder, Problems problems) {
        return common(http, problems)
                .authorizeExchange(auth -> auth
                        .pathMatchers(HttpMethod.GET, "/", "/index.html", "/favicon.ico", "/js/**", "/css/**",
                                "/img/**").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/auth/login", "/api/auth/refresh", "/api/auth/guest").permitAll()
                        // the BigBlueButton-compatible API: its checksum is the authentication
                        .pathMatchers(HttpMethod.GET, "/bigbluebutton/api", "/bigbluebutton/api/**").permitAll()
                        .pathMatchers(HttpMethod.POST, "/bigbluebutton/api", "/bigbluebutton/api/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                        .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**", "/webjars/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyExchange().access(new GuestConfinement()))
                .oauth2ResourceServer(rs -> rs
                        .authenticationEntryPoint(entryPoint(problems))
                        .accessDeniedHandler(accessDenied(problems))
                        .jwt(jwt -> jwt.jwtDecoder(accessTokenDecoder)
                                .jwtAuthenticationConverter(new TokenUserConverter(properties))))
                .build();
    }

    private static ServerHttpSecurity common(ServerHttpSecurity http, Problems problems) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // bearer tokens only: no cookies to forge requests with
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(entryPoint(problems))
                        .accessDeniedHandler(accessDenied(problems)));
    }

    private static ServerAuthenticationEntryPoint entryPoint(Problems problems) {
        return (exchange, e) -> {
            boolean sentToken = exchange.getRequest().getHeaders().containsHeader("Authorization");
            exchange.getResponse().getHeaders().set("WWW-Authenticate",
                    sentToken ? "Bearer error=\"invalid_token\"" : "Bearer");
            String detail = sentToken
                    ? "The bearer token was refused: " + e.getMessage()
                    : "This call needs a bearer token: sign in at POST /api/auth/login.";
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail);
        };
    }

    private static ServerAccessDeniedHandler accessDenied(Problems problems) {
        return (exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                "Your role does not allow this call.").then(Mono.empty());
    }
}

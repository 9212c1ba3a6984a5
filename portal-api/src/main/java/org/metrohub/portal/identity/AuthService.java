package org.metrohub.portal.identity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.metrohub.portal.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sign-in and token refresh. Passwords are checked off the event loop, a bounded number at once. Failed
 * sign-ins are counted per user name in Redis and more than the limit in a minute gets 429. A refresh token
 * is remembered in Redis until it is used: it works once, and a second use is refused (rotation).
 */
@Service
public class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);
    private static final String FAILURES = "mh:login-failures:";
    private static final String REFRESH = "mh:refresh:";
    private static final String GUEST_TICKET_USED = "mh:guest-ticket:";
    /** Longer than the decoder's clock skew (60 s), so a used ticket is remembered for as long as it verifies. */
    private static final Duration USED_TICKET_MARGIN = Duration.ofMinutes(2);

    private final UserDirectory users;
    private final PasswordEncoder passwords;
    private final TokenIssuer tokens;
    private final ReactiveJwtDecoder refreshTokens;
    private final ReactiveJwtDecoder guestTickets;
    private final ReactiveStringRedisTemplate redis;
    private final SecurityProperties properties;
    private final InstantSource clock;
    private final String unknownUserHash;
    private final AtomicInteger pendingChecks = new AtomicInteger();
    private final Counter shed;

    public AuthService(UserDirectory users, PasswordEncoder passwords, TokenIssuer tokens, SigningKey key,
                       ReactiveStringRedisTemplate redis, SecurityProperties properties, InstantSource clock,
                       MeterRegistry meters) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.refreshTokens = TokenDecoders.local(properties, key, TokenAudience.REFRESH);
        this.guestTickets = TokenDecoders.local(properties, key, TokenAudience.GUEST_TICKET);
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
        this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
        this.shed = Counter.builder("metrohub.auth.sign-ins.shed")
                .description("Sign-ins refused with 503 because too many password checks were pending").register(meters);
        Gauge.builder("metrohub.auth.password-checks.pending", pendingChecks, AtomicInteger::get).register(meters);
    }

    public Mono<TokenResponse> login(LoginRequest request) {
        String username = request.username().trim().toLowerCase();
        return redis.opsForValue().get(FAILURES + username)
                .map(Long::parseLong)
                .defaultIfEmpty(0L)
                .flatMap(failures -> failures >= properties.loginAttemptsPerMinute()
                        ? Mono.error(new ApiException(HttpStatus.TOO_MANY_REQUESTS,
                                "Too many failed sign-ins for this user; wait a minute and try again."))
                        : users.findByUsername(username).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(account -> checkPassword(request.password(), account)
                        .flatMap(ok -> ok ? issue(account.get().toCurrentUser()) : failed(username)));
    }

    /**
     * Checks a password off the event loop (hashing is slow on purpose). At most
     * {@code max-pending-password-checks} wait at once; beyond that a sign-in is refused with 503 at once.
     */
    private Mono<Boolean> checkPassword(String password, Optional<UserAccount> account) {
        return Mono.defer(() -> {
            if (pendingChecks.incrementAndGet() > properties.maxPendingPasswordChecks()) {
                pendingChecks.decrementAndGet();
                shed.increment();
                return Mono.error(ApiException.busy("The hub is busy signing other users in; try again in a moment.", 1));
            }
            return Mono.fromCallable(() -> {
                        String hash = account.map(UserAccount::passwordHash).orElse(unknownUserHash);
                        return passwords.matches(password, hash) && account.isPresent();
                    })
                    .subscribeOn(Schedulers.boundedElastic())
                    .doFinally(signal -> pendingChecks.decrementAndGet());
        });
    }

    public Mono<TokenResponse> refresh(RefreshRequest request) {
        return refreshTokens.decode(request.refreshToken())
                .onErrorMap(JwtException.class, e -> ApiException.unauthorized("The refresh token was refused: " + e.getMessage()))
                .flatMap(jwt -> redis.opsForValue().getAndDelete(REFRESH + jwt.getId())
                        .switchIfEmpty(Mono.error(ApiException.unauthorized("The refresh token was already used or revoked.")))
                        .then(users.findById(UUID.fromString(jwt.getSubject())))
                        .switchIfEmpty(Mono.error(ApiException.unauthorized("The user of this refresh token no longer exists."))))
                .flatMap(account -> issue(account.toCurrentUser()));
    }

    /**
     * Trades a guest ticket (see {@link TokenIssuer#guestTicket}) for an access token confined to its room. A
     * ticket works once: its id is remembered in Redis until well after it expires, and a second use is 401.
     * Guests get no refresh token.
     */
    public Mono<GuestSession> exchangeGuestTicket(String ticket) {
        return guestTickets.decode(ticket)
                .onErrorMap(JwtException.class, e -> ApiException.unauthorized("The guest ticket was refused: " + e.getMessage()))
                .flatMap(jwt -> {
                    CurrentUser.RoomScope scope = TokenUserConverter.scope(jwt);
                    String tenant = jwt.getClaimAsString(TokenIssuer.CLAIM_TENANT);
                    if (scope == null || tenant == null || jwt.getId() == null) {
                        return Mono.error(ApiException.unauthorized("The guest ticket names no room."));
                    }
                    Duration remember = Duration.between(clock.instant(), jwt.getExpiresAt()).plus(USED_TICKET_MARGIN);
                    CurrentUser guest = new CurrentUser(jwt.getSubject(), jwt.getClaimAsString(TokenIssuer.CLAIM_USERNAME),
                            jwt.getClaimAsString(TokenIssuer.CLAIM_NAME), tenant, Set.of(Role.GUEST), scope);
                    return redis.opsForValue().setIfAbsent(GUEST_TICKET_USED + jwt.getId(), "used", remember)
                            .flatMap(first -> first ? Mono.just(guest)
                                    : Mono.error(ApiException.unauthorized("The guest ticket was already used.")));
                })
                .map(guest -> {
                    IssuedToken access = tokens.accessToken(guest);
                    long expiresIn = Duration.between(clock.instant(), access.expiresAt()).toSeconds();
                    return new GuestSession(access.value(), "Bearer", expiresIn, UserView.of(guest),
                            guest.scope().roomId(), guest.scope().roomRole());
                });
    }

    private Mono<TokenResponse> failed(String username) {
        log.atInfo().addKeyValue("username", username).log("Failed sign-in for {}", username);
        return redis.opsForValue().increment(FAILURES + username)
                .flatMap(n -> n == 1 ? redis.expire(FAILURES + username, Duration.ofMinutes(1)) : Mono.just(true))
                .then(Mono.error(ApiException.unauthorized("Unknown user name or wrong password.")));
    }

    private Mono<TokenResponse> issue(CurrentUser user) {
        IssuedToken access = tokens.accessToken(user);
        IssuedToken refresh = tokens.refreshToken(user);
        long expiresIn = Duration.between(clock.instant(), access.expiresAt()).toSeconds();
        return redis.opsForValue().set(REFRESH + refresh.id(), user.id(), properties.refreshTokenTtl())
                .thenReturn(new TokenResponse(access.value(), refresh.value(), "Bearer", expiresIn, UserView.of(user)));
    }

    Mono<List<UserView>> usersOf(CurrentUser caller, String tenant) {
        if (!caller.tenant().equals(tenant)) {
            return Mono.error(ApiException.forbidden("You may only see the users of your own tenant."));
        }
        if (!caller.isAdmin()) {
            return Mono.error(ApiException.forbidden("Only an ADMIN may list users."));
        }
        return users.findByTenant(tenant).map(a -> UserView.of(a.toCurrentUser())).collectList();
    }
}

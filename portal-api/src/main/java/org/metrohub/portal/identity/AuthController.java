package org.metrohub.portal.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Sign-in, refresh, the caller's own profile, a tenant's users, and the public signing key. */
@RestController
@Tag(name = "identity")
public class AuthController {

    private final AuthService auth;
    private final SigningKey key;

    public AuthController(AuthService auth, SigningKey key) {
        this.auth = auth;
        this.key = key;
    }

    @PostMapping("/api/auth/login")
    @Operation(summary = "Sign in with user name and password; returns an access and a refresh token")
    public Mono<TokenResponse> login(@Valid @RequestBody LoginRequest request) {
        return auth.login(request);
    }

    @PostMapping("/api/auth/refresh")
    @Operation(summary = "Trade a refresh token (once) for a new access and refresh token")
    public Mono<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return auth.refresh(request);
    }

    @PostMapping("/api/auth/guest")
    @Operation(summary = "Trade a guest ticket (once, within 2 minutes) for an access token confined to one room")
    public Mono<GuestSession> guest(@Valid @RequestBody GuestTicketRequest request) {
        return auth.exchangeGuestTicket(request.ticket());
    }

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in user", security = @SecurityRequirement(name = "bearer"))
    public UserView me(@AuthenticationPrincipal CurrentUser user) {
        return UserView.of(user);
    }

    @GetMapping("/api/tenants/{tenant}/users")
    @Operation(summary = "The users of a tenant (ADMIN of that tenant only)", security = @SecurityRequirement(name = "bearer"))
    public Mono<Map<String, List<UserView>>> users(@AuthenticationPrincipal CurrentUser user, @PathVariable String tenant) {
        return auth.usersOf(user, tenant).map(list -> Map.of("items", list));
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = "application/jwk-set+json")
    @Operation(summary = "The public key that verifies the hub's tokens (for media nodes and other services)")
    public Map<String, Object> jwks() {
        return Map.of("keys", List.of(key.publicJwk().toJSONObject()));
    }
}

package org.metrohub.portal.identity;

import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * The API chain's rule for authenticated callers: everyone passes, except a guest confined to one room
 * ({@link CurrentUser#isConfined()}), who may only read their profile and see, join and leave that room; any
 * other call is 403. The rooms' own policy checks the room again.
 */
final class GuestConfinement implements ReactiveAuthorizationManager<AuthorizationContext> {

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(auth -> (AuthorizationResult) new AuthorizationDecision(!(auth.getPrincipal() instanceof CurrentUser user)
                        || permits(user, context.getExchange().getRequest().getMethod(),
                                context.getExchange().getRequest().getPath().pathWithinApplication().value())))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    static boolean permits(CurrentUser user, HttpMethod method, String path) {
        if (!user.isConfined()) {
            return true;
        }
        String room = "/api/rooms/" + user.scope().roomId();
        if (HttpMethod.GET.equals(method)) {
            return Set.of("/api/me", room, room + "/participants").contains(path);
        }
        if (HttpMethod.POST.equals(method)) {
            return Set.of(room + "/join", room + "/leave").contains(path);
        }
        return false;
    }
}

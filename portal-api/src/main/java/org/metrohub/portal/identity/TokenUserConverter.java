package org.metrohub.portal.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.core.publisher.Mono;

/**
 * Turns a verified token into the caller: ours carry {@code tenant} and {@code roles}; an external issuer's
 * carry them in the configured claims ({@code realm_access.roles} for Keycloak, say). Roles MetroHub does not
 * know are ignored; a token with no tenant is refused.
 */
public final class TokenUserConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final SecurityProperties properties;

    public TokenUserConverter(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        boolean local = properties.issuer().equals(jwt.getClaimAsString("iss"));
        String rolesClaim = local ? TokenIssuer.CLAIM_ROLES : properties.oidc().rolesClaim();
        String tenantClaim = local ? TokenIssuer.CLAIM_TENANT : properties.oidc().tenantClaim();
        Object tenant = claim(jwt.getClaims(), tenantClaim);
        if (!(tenant instanceof String t) || t.isBlank()) {
            return Mono.error(new InvalidBearerTokenException("The token carries no tenant claim '" + tenantClaim + "'"));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claim(jwt.getClaims(), rolesClaim) instanceof Collection<?> names) {
            names.forEach(n -> Role.parse(String.valueOf(n)).ifPresent(roles::add));
        }
        String username = jwt.getClaimAsString(TokenIssuer.CLAIM_USERNAME);
        String name = jwt.getClaimAsString(TokenIssuer.CLAIM_NAME);
        CurrentUser.RoomScope scope;
        try {
            scope = local ? scope(jwt) : null;
        } catch (IllegalArgumentException e) {
            return Mono.error(new InvalidBearerTokenException("The token's guest room is malformed"));
        }
        CurrentUser user = new CurrentUser(jwt.getSubject(), username == null ? jwt.getSubject() : username,
                name == null ? (username == null ? jwt.getSubject() : username) : name, t, roles, scope);
        return Mono.just(new MetroHubAuthentication(user, jwt));
    }

    /** The one room a guest of ours is confined to; external issuers' tokens never confine. */
    static CurrentUser.RoomScope scope(Jwt jwt) {
        String room = jwt.getClaimAsString(TokenIssuer.CLAIM_GUEST_ROOM);
        if (room == null) {
            return null;
        }
        return new CurrentUser.RoomScope(UUID.fromString(room), jwt.getClaimAsString(TokenIssuer.CLAIM_GUEST_ROOM_ROLE));
    }

    /** A claim by dotted path through nested objects. */
    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }
}

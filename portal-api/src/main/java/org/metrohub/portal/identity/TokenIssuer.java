package org.metrohub.portal.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Signs the hub's tokens: access and refresh tokens for users, room tokens for one room's media session, guest
 * tickets. A guest's tokens carry the one room they are confined to ({@code guest_room}, {@code guest_room_role}).
 */
@Component
public class TokenIssuer {

    static final String CLAIM_TENANT = "tenant";
    static final String CLAIM_ROLES = "roles";
    static final String CLAIM_NAME = "name";
    static final String CLAIM_USERNAME = "preferred_username";
    public static final String CLAIM_ROOM = "room";
    public static final String CLAIM_ROOM_ROLE = "room_role";
    static final String CLAIM_GUEST_ROOM = "guest_room";
    static final String CLAIM_GUEST_ROOM_ROLE = "guest_room_role";

    private final SecurityProperties properties;
    private final SigningKey key;
    private final ECDSASigner signer;
    private final InstantSource clock;

    public TokenIssuer(SecurityProperties properties, SigningKey key, InstantSource clock) {
        this.properties = properties;
        this.key = key;
        this.clock = clock;
        try {
            this.signer = new ECDSASigner(key.privateJwk());
        } catch (JOSEException e) {
            throw new IllegalStateException("The signing key cannot sign ES256", e);
        }
    }

    public IssuedToken accessToken(CurrentUser user) {
        return sign(user, TokenAudience.API, properties.accessTokenTtl(), null, null);
    }

    public IssuedToken refreshToken(CurrentUser user) {
        return sign(user, TokenAudience.REFRESH, properties.refreshTokenTtl(), null, null);
    }

    public IssuedToken roomToken(CurrentUser user, UUID roomId, String roomRole) {
        return sign(user, TokenAudience.ROOM, properties.roomTokenTtl(), roomId, roomRole);
    }

    /**
     * A guest ticket: a short-lived token that {@code POST /api/auth/guest} exchanges, once, for an access token
     * of {@code guest}, who must be confined to one room.
     */
    public IssuedToken guestTicket(CurrentUser guest, Duration ttl) {
        if (!guest.isConfined()) {
            throw new IllegalArgumentException("a guest ticket is for a guest confined to one room");
        }
        return sign(guest, TokenAudience.GUEST_TICKET, ttl, null, null);
    }

    private IssuedToken sign(CurrentUser user, TokenAudience audience, Duration ttl, UUID roomId, String roomRole) {
        Instant now = clock.instant();
        Instant expiry = now.plus(ttl);
        String id = UUID.randomUUID().toString();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .subject(user.id())
                .audience(audience.value())
                .jwtID(id)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiry))
                .claim(CLAIM_TENANT, user.tenant())
                .claim(CLAIM_USERNAME, user.username())
                .claim(CLAIM_NAME, user.displayName())
                .claim(CLAIM_ROLES, user.roles().stream().map(Role::name).sorted().toList());
        if (user.scope() != null) {
            claims.claim(CLAIM_GUEST_ROOM, user.scope().roomId().toString())
                    .claim(CLAIM_GUEST_ROOM_ROLE, user.scope().roomRole());
        }
        if (roomId != null) {
            claims.claim(CLAIM_ROOM, roomId.toString()).claim(CLAIM_ROOM_ROLE, roomRole);
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.keyId())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), id, expiry);
    }

}

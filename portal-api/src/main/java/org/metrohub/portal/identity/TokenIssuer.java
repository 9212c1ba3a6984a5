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

/** Signs the hub's tokens: access and refresh tokens for users, room tokens for one room's media session. */
@Component
public class TokenIssuer {

    static final String CLAIM_TENANT = "tenant";
    static final String CLAIM_ROLES = "roles";
    static final String CLAIM_NAME = "name";
    static final String CLAIM_USERNAME = "preferred_username";
    public static final String CLAIM_ROOM = "room";
    public static final String CLAIM_ROOM_ROLE = "room_role";

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

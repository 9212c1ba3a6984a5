package org.metrohub.portal.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Access and room tokens made by a test: signed with the hub's real key (to test expiry) or with a stranger's key
 * (forgery).
 */
public final class Tokens {

    private Tokens() {
    }

    /** The test hubs' signing key, read from their shared data directory. */
    public static ECKey hubKey() throws Exception {
        return ECKey.parse(Files.readString(TestHub.dataDir().resolve("secrets/signing-key.jwk.json")));
    }

    public static ECKey strangerKey() throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID("stranger").generate();
    }

    /** An access token for {@code role@tenant} signed with {@code key}, valid over the given window. */
    public static String accessToken(ECKey key, String tenant, String role, Instant issued, Instant expires) throws Exception {
        return accessToken(key, UUID.randomUUID().toString(), null, tenant, role, issued, expires);
    }

    /**
     * An access token for user {@code subject} named {@code name} (no {@code name} claim when null), role
     * {@code role} in {@code tenant}, signed with {@code key}, valid over the given window.
     */
    public static String accessToken(ECKey key, String subject, String name, String tenant, String role, Instant issued,
                                     Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("metrohub")
                .subject(subject)
                .claim("name", name)
                .audience("metrohub-api")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .claim("tenant", tenant)
                .claim("preferred_username", role.toLowerCase() + "@" + tenant)
                .claim("roles", List.of(role))
                .build();
        return sign(key, claims);
    }

    /**
     * A room token (audience {@code metrohub-media}) for {@code role@tenant} in {@code roomId}, shaped like the
     * hub's own ({@code TokenIssuer#roomToken}), signed with {@code key}, valid over the given window.
     */
    public static String roomToken(ECKey key, String tenant, String role, Object roomId, Instant issued,
                                   Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("metrohub")
                .subject(UUID.randomUUID().toString())
                .audience("metrohub-media")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .claim("tenant", tenant)
                .claim("preferred_username", role.toLowerCase() + "@" + tenant)
                .claim("name", "Made by a test")
                .claim("roles", List.of(role))
                .claim("room", roomId.toString())
                .claim("room_role", "PARTICIPANT")
                .build();
        return sign(key, claims);
    }

    private static String sign(ECKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }
}

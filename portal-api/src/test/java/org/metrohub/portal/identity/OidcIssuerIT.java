package org.metrohub.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrohub.portal.testing.Problem;
import org.metrohub.portal.testing.Rooms;
import org.metrohub.portal.testing.TestHub;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Production mode: tokens from an external OIDC issuer (a Keycloak-shaped one, its JWK set served over HTTP on
 * loopback) are accepted and mapped to MetroHub roles and tenants; anything else it might send is refused.
 */
class OidcIssuerIT {

    private static HttpServer issuer;
    private static RSAKey issuerKey;
    private static String issuerUri;
    private static TestHub hub;

    @BeforeAll
    static void start() throws Exception {
        issuerKey = new RSAKeyGenerator(2048).keyID("city-idp-1").generate();
        byte[] jwks = new JWKSet(issuerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/realms/city/protocol/openid-connect/certs", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        issuer.start();
        issuerUri = "http://127.0.0.1:" + issuer.getAddress().getPort() + "/realms/city";
        hub = TestHub.start(Map.of(
                "metrohub.security.oidc.issuer-uri", issuerUri,
                "metrohub.security.oidc.jwk-set-uri", issuerUri + "/protocol/openid-connect/certs",
                "metrohub.security.oidc.roles-claim", "realm_access.roles",
                "metrohub.security.oidc.tenant-claim", "municipality",
                "metrohub.security.oidc.audience", "metrohub"));
    }

    @AfterAll
    static void stop() {
        hub.close();
        issuer.stop(0);
    }

    private static String token(RSAKey key, String iss, String audience, Map<String, Object> extra) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(iss).subject("kc-user-42").audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("preferred_username", "j.doe");
        extra.forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static Map<String, Object> official() {
        return Map.of("municipality", "riverton",
                "realm_access", Map.of("roles", List.of("OFFICIAL", "offline_access", "uma_authorization")));
    }

    private WebTestClient.ResponseSpec me(String token) {
        return hub.client().get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange();
    }

    @Test
    void anIssuerTokenIsMappedToRolesAndTenant() throws Exception {
        String token = token(issuerKey, issuerUri, "metrohub", official());
        me(token).expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo("kc-user-42")
                .jsonPath("$.username").isEqualTo("j.doe")
                .jsonPath("$.tenant").isEqualTo("riverton")
                .jsonPath("$.roles").isEqualTo(List.of("OFFICIAL"));
        Map<String, Object> room = Rooms.create(hub, token, "MEETING", "Regional coordination");
        assertThat(room).containsEntry("tenant", "riverton").containsEntry("createdBy", "kc-user-42");
    }

    @Test
    void theHubsOwnSignInStillWorksBesideTheIssuer() {
        me(hub.login("teacher@lakeside")).expectStatus().isOk();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("city-idp-1").generate();
        Problem.expect(me(token(impostor, issuerUri, "metrohub", official())), 401);
    }

    @Test
    void aTokenFromAnUnknownIssuerIsRefused() throws Exception {
        Problem.expect(me(token(issuerKey, "http://127.0.0.1:1/realms/other", "metrohub", official())), 401);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        Problem.expect(me(token(issuerKey, issuerUri, "some-other-app", official())), 401);
    }

    @Test
    void aTokenWithoutTenantIsRefused() throws Exception {
        Map<String, Object> noTenant = Map.of("realm_access", Map.of("roles", List.of("OFFICIAL")));
        Map<String, Object> problem = Problem.expect(me(token(issuerKey, issuerUri, "metrohub", noTenant)), 401);
        assertThat((String) problem.get("detail")).contains("municipality");
    }

    @Test
    void unknownRolesGiveNoRightsSoCreatingARoomIs403() throws Exception {
        Map<String, Object> claims = Map.of("municipality", "riverton", "realm_access", Map.of("roles", List.of("default-roles-city")));
        String token = token(issuerKey, issuerUri, "metrohub", claims);
        Problem.expect(hub.client().post().uri("/api/rooms").headers(h -> h.setBearerAuth(token))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "MEETING", "name", "x")).exchange(), 403);
    }
}

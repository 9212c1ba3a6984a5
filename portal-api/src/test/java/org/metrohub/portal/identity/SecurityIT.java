package org.metrohub.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrohub.portal.testing.Problem;
import org.metrohub.portal.testing.Rooms;
import org.metrohub.portal.testing.TestHub;
import org.metrohub.portal.testing.Tokens;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** 401 and 403 as the API promises them, against a real hub: tokens, roles, tenants, room tokens. */
class SecurityIT {

    private static TestHub hub;
    private static WebTestClient client;

    @BeforeAll
    static void hub() {
        hub = TestHub.shared();
        client = hub.client();
    }

    private WebTestClient.ResponseSpec me(String token) {
        return client.get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange();
    }

    @Test
    void aCallWithoutTokenIsRefusedWith401AndAProblemBody() {
        WebTestClient.ResponseSpec response = client.get().uri("/api/rooms").exchange();
        response.expectHeader().valueEquals("WWW-Authenticate", "Bearer");
        Problem.expect(response, 401);
    }

    @Test
    void aMalformedTokenIsRefusedWith401() {
        Problem.expect(me("not-a-jwt"), 401);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedWith401() throws Exception {
        Instant now = Instant.now();
        String forged = Tokens.accessToken(Tokens.strangerKey(), "riverton", "ADMIN", now, now.plusSeconds(600));
        Map<String, Object> problem = Problem.expect(me(forged), 401);
        assertThat((String) problem.get("detail")).contains("refused");
    }

    @Test
    void anExpiredTokenSignedByTheHubIsRefusedWith401() throws Exception {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String expired = Tokens.accessToken(Tokens.hubKey(), "riverton", "ADMIN", past, past.plusSeconds(60));
        Map<String, Object> problem = Problem.expect(me(expired), 401);
        assertThat((String) problem.get("detail")).containsIgnoringCase("expired");
    }

    @Test
    void aValidTokenSignedByTheHubKeyIsAccepted() throws Exception {
        Instant now = Instant.now();
        String token = Tokens.accessToken(Tokens.hubKey(), "riverton", "TEACHER", now, now.plusSeconds(600));
        me(token).expectStatus().isOk().expectBody().jsonPath("$.tenant").isEqualTo("riverton");
    }

    @Test
    void signingInGivesTheUserWithTenantAndRole() {
        me(hub.login("teacher@riverton")).expectStatus().isOk().expectBody()
                .jsonPath("$.username").isEqualTo("teacher@riverton")
                .jsonPath("$.tenant").isEqualTo("riverton")
                .jsonPath("$.roles[0]").isEqualTo("TEACHER");
    }

    @Test
    void aWrongPasswordIsRefusedWith401() {
        Problem.expect(client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "teacher@riverton", "password", "wrong")).exchange(), 401);
    }

    @Test
    void repeatedFailedSignInsAreRateLimitedWith429() {
        String username = "nobody-" + UUID.randomUUID() + "@riverton";
        int limit = hub.bean(SecurityProperties.class).loginAttemptsPerMinute();
        for (int i = 0; i < limit; i++) {
            Problem.expect(client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", username, "password", "x")).exchange(), 401);
        }
        Problem.expect(client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", "x")).exchange(), 429);
    }

    @Test
    void aRoleThatMayNotCreateThisKindOfRoomGets403() {
        String student = hub.login("student@riverton");
        Problem.expect(client.post().uri("/api/rooms").headers(h -> h.setBearerAuth(student))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("kind", "CLASS", "name", "x")).exchange(), 403);
        String teacher = hub.login("teacher@riverton");
        Problem.expect(client.post().uri("/api/rooms").headers(h -> h.setBearerAuth(teacher))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("kind", "MEETING", "name", "x")).exchange(), 403);
    }

    @Test
    void onlyTheCreatorOrAnAdminMayChangeARoom() {
        Map<String, Object> room = Rooms.create(hub, hub.login("teacher@riverton"), "CLASS", "Algebra");
        String student = hub.login("student@riverton");
        Problem.expect(client.post().uri("/api/rooms/{id}/close", room.get("id")).headers(h -> h.setBearerAuth(student))
                .exchange(), 403);
        client.post().uri("/api/rooms/{id}/close", room.get("id")).headers(h -> h.setBearerAuth(hub.login("admin@riverton")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED");
    }

    @Test
    void aUserOfAnotherTenantGets403OnEveryRoomCall() {
        Map<String, Object> room = Rooms.create(hub, hub.login("official@riverton"), "MEETING", "Riverton council");
        String stranger = hub.login("official@lakeside");
        Object id = room.get("id");
        Problem.expect(client.get().uri("/api/rooms/{id}", id).headers(h -> h.setBearerAuth(stranger)).exchange(), 403);
        Problem.expect(client.post().uri("/api/rooms/{id}/join", id).headers(h -> h.setBearerAuth(stranger)).exchange(), 403);
        Problem.expect(client.get().uri("/api/rooms/{id}/participants", id).headers(h -> h.setBearerAuth(stranger)).exchange(), 403);
        Problem.expect(client.patch().uri("/api/rooms/{id}", id).headers(h -> h.setBearerAuth(hub.login("admin@lakeside")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "taken over")).exchange(), 403);
        client.get().uri("/api/rooms?size=100").headers(h -> h.setBearerAuth(stranger)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == '" + id + "')]").doesNotExist();
    }

    @Test
    void usersOfATenantAreListedOnlyForItsAdmin() {
        client.get().uri("/api/tenants/riverton/users").headers(h -> h.setBearerAuth(hub.login("admin@riverton")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(8); // one per role, and student2
        Problem.expect(client.get().uri("/api/tenants/riverton/users")
                .headers(h -> h.setBearerAuth(hub.login("teacher@riverton"))).exchange(), 403);
        Problem.expect(client.get().uri("/api/tenants/riverton/users")
                .headers(h -> h.setBearerAuth(hub.login("admin@lakeside"))).exchange(), 403);
    }

    @Test
    void metricsAreForAdminsOnly() {
        Problem.expect(client.get().uri("/actuator/prometheus")
                .headers(h -> h.setBearerAuth(hub.login("teacher@riverton"))).exchange(), 403);
        client.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(hub.login("admin@riverton")))
                .exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("metrohub_events_published_total"));
    }

    @Test
    void aRoomTokenOpensOnlyItsOwnRoom() {
        String official = hub.login("official@riverton");
        Object roomA = Rooms.create(hub, official, "MEETING", "A").get("id");
        Object roomB = Rooms.create(hub, official, "MEETING", "B").get("id");
        String roomToken = (String) Rooms.join(hub, official, roomA).get("roomToken");

        client.get().uri("/media/rooms/{id}/admission", roomA).headers(h -> h.setBearerAuth(roomToken))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("MODERATOR");
        Problem.expect(client.get().uri("/media/rooms/{id}/admission", roomB).headers(h -> h.setBearerAuth(roomToken))
                .exchange(), 403);
    }

    @Test
    void tokensAreAcceptedOnlyForTheirAudience() {
        String official = hub.login("official@riverton");
        Object room = Rooms.create(hub, official, "MEETING", "Audience").get("id");
        String roomToken = (String) Rooms.join(hub, official, room).get("roomToken");
        Problem.expect(me(roomToken), 401);
        Problem.expect(client.get().uri("/media/rooms/{id}/admission", room).headers(h -> h.setBearerAuth(official))
                .exchange(), 401);
    }

    @Test
    void aRefreshTokenWorksExactlyOnce() {
        Map<?, ?> login = client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "doctor@lakeside", "password", "demo")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String refresh = (String) login.get("refreshToken");
        Map<?, ?> renewed = client.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refresh)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        me((String) renewed.get("accessToken")).expectStatus().isOk();
        Problem.expect(client.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refresh)).exchange(), 401);
        Problem.expect(client.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", (String) login.get("accessToken"))).exchange(), 401);
    }
}

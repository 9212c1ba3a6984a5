package org.metrohub.portal.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrohub.portal.testing.Problem;
import org.metrohub.portal.testing.Rooms;
import org.metrohub.portal.testing.TestEngines;
import org.metrohub.portal.testing.TestHub;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Live state in real Redis: presence expires by TTL, and the hub rides out a Redis restart without one of its own. */
class LiveStateIT {

    private static TestHub hub;
    private static WebTestClient client;

    @BeforeAll
    static void hub() {
        hub = TestHub.start(Map.of("metrohub.rooms.presence-ttl", "2s"));
        client = hub.client();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void aParticipantWhoStopsRenewingDropsOutWhenThePresenceTtlRunsOut() {
        String teacher = hub.login("teacher@lakeside");
        UUID room = UUID.fromString((String) Rooms.create(hub, teacher, "CLASS", "Geography").get("id"));
        String student = hub.login("student@lakeside");
        Rooms.join(hub, student, room);

        ReactiveStringRedisTemplate redis = hub.bean(ReactiveStringRedisTemplate.class);
        String studentId = (String) client.get().uri("/api/me").headers(h -> h.setBearerAuth(student)).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        Long ttlMillis = redis.getExpire(PresenceStore.presenceKey(room, studentId)).block().toMillis();
        assertThat(ttlMillis).isBetween(1L, 2_000L);
        participants(teacher, room).jsonPath("$.items.length()").isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                participants(teacher, room).jsonPath("$.items.length()").isEqualTo(0));
        assertThat(redis.hasKey(PresenceStore.presenceKey(room, studentId)).block()).isFalse();
    }

    @Test
    void joiningAgainRenewsPresenceWithoutASecondJoinedEvent() {
        String official = hub.login("official@lakeside");
        UUID room = UUID.fromString((String) Rooms.create(hub, official, "MEETING", "Renewal").get("id"));
        Rooms.join(hub, official, room);
        Rooms.join(hub, official, room);
        participants(official, room).jsonPath("$.items.length()").isEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> client.get().uri("/api/rooms/{id}/activity", room)
                .headers(h -> h.setBearerAuth(official)).exchange().expectBody()
                .jsonPath("$.items[?(@.type == 'org.metrohub.participant.joined.v1')]").value(List.class, joins ->
                        assertThat(joins).hasSize(1)));
    }

    @Test
    void theHubAnswers503WhileRedisIsDownAndRecoversWhenItIsBackWithoutARestart() {
        String official = hub.login("official@riverton");
        UUID room = UUID.fromString((String) Rooms.create(hub, official, "MEETING", "Outage drill").get("id"));

        TestEngines.get().redis().stop();
        try {
            Problem.expect(client.post().uri("/api/rooms/{id}/join", room).headers(h -> h.setBearerAuth(official)).exchange(), 503);
            client.get().uri("/api/rooms/{id}", room).headers(h -> h.setBearerAuth(official)).exchange()
                    .expectStatus().isOk(); // records in PostgreSQL are still served
        } finally {
            TestEngines.get().restartRedis();
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                client.post().uri("/api/rooms/{id}/join", room).headers(h -> h.setBearerAuth(official)).exchange()
                        .expectStatus().isOk());
        participants(official, room).jsonPath("$.items.length()").isEqualTo(1);
        assertThat(hub.login("teacher@riverton")).isNotBlank();
    }

    private WebTestClient.BodyContentSpec participants(String token, UUID room) {
        return client.get().uri("/api/rooms/{id}/participants", room).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody();
    }
}

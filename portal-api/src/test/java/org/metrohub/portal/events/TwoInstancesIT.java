package org.metrohub.portal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrohub.portal.testing.Rooms;
import org.metrohub.portal.testing.TestHub;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * Two portal-api instances sharing Redis, Kafka and PostgreSQL: a change made through one reaches the live
 * stream of the other, only for the tenant it belongs to, and either accepts the other's tokens.
 */
class TwoInstancesIT {

    private static TestHub first;
    private static TestHub second;

    @BeforeAll
    static void hubs() {
        first = TestHub.shared();
        second = TestHub.start(Map.of());
    }

    @AfterAll
    static void stop() {
        second.close();
    }

    /** Events received on a live stream, the first of which is the "connected" comment. */
    private record Stream(List<ServerSentEvent<Map<String, Object>>> received, Disposable subscription) {

        static Stream open(TestHub hub, String token) {
            return open(hub, token, null);
        }

        static Stream open(TestHub hub, String token, String lastEventId) {
            List<ServerSentEvent<Map<String, Object>>> received = new CopyOnWriteArrayList<>();
            Disposable subscription = WebClient.create(hub.baseUrl()).get().uri("/api/events")
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .headers(h -> h.setBearerAuth(token))
                    .headers(h -> {
                        if (lastEventId != null) {
                            h.set("Last-Event-ID", lastEventId);
                        }
                    })
                    .retrieve()
                    .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                    .subscribe(received::add);
            await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
            return new Stream(received, subscription);
        }

        List<Map<String, Object>> eventsAbout(Object roomId) {
            return received.stream().filter(e -> e.data() != null)
                    .map(ServerSentEvent::data)
                    .filter(d -> roomId.equals(d.get("subject")))
                    .toList();
        }
    }

    @Test
    void aRoomChangedThroughOneInstanceReachesTheLiveStreamOfTheOther() {
        Stream riverton = Stream.open(second, second.login("admin@riverton"));
        Stream lakeside = Stream.open(second, second.login("admin@lakeside"));
        try {
            String official = first.login("official@riverton");
            Object roomId = Rooms.create(first, official, "MEETING", "Flood response").get("id");
            first.client().patch().uri("/api/rooms/{id}", roomId).headers(h -> h.setBearerAuth(official))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Flood response (level 2)"))
                    .exchange().expectStatus().isOk();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(riverton.eventsAbout(roomId)).extracting(e -> e.get("type"))
                            .containsExactly("org.metrohub.room.created.v1", "org.metrohub.room.updated.v1"));
            Map<String, Object> updated = riverton.eventsAbout(roomId).get(1);
            assertThat(updated).containsEntry("specversion", "1.0").containsEntry("tenant", "riverton")
                    .containsKeys("id", "source", "time");
            assertThat(((Map<?, ?>) updated.get("data")).get("name")).isEqualTo("Flood response (level 2)");

            Object marker = Rooms.create(first, first.login("official@lakeside"), "MEETING", "Lakeside marker").get("id");
            await().atMost(Duration.ofSeconds(30)).until(() -> !lakeside.eventsAbout(marker).isEmpty());
            assertThat(lakeside.eventsAbout(roomId)).as("another tenant's events").isEmpty();
        } finally {
            riverton.subscription().dispose();
            lakeside.subscription().dispose();
        }
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsWhatItMissedOnceThenLiveEvents() {
        String admin = second.login("admin@riverton");
        Stream before = Stream.open(second, admin);
        String official = first.login("official@riverton");
        Object roomId = Rooms.create(first, official, "MEETING", "Missed while away").get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> before.eventsAbout(roomId).size() == 1);
        before.subscription().dispose();
        String lastSeen = (String) before.eventsAbout(roomId).get(0).get("id");

        first.client().post().uri("/api/rooms/{id}/close", roomId).headers(h -> h.setBearerAuth(official))
                .exchange().expectStatus().isOk();
        Stream after = Stream.open(second, admin, lastSeen);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> after.eventsAbout(roomId).size() == 1);
            assertThat(after.eventsAbout(roomId).get(0).get("type")).isEqualTo("org.metrohub.room.closed.v1");
            Rooms.join(first, official, Rooms.create(first, official, "MEETING", "After").get("id"));
            await().atMost(Duration.ofSeconds(30)).until(() -> after.received().stream()
                    .anyMatch(e -> "org.metrohub.participant.joined.v1".equals(e.event())));
            assertThat(after.eventsAbout(roomId)).hasSize(1);
        } finally {
            after.subscription().dispose();
        }
    }

    @Test
    void eachInstanceAcceptsTheOthersTokens() {
        String token = first.login("doctor@riverton");
        second.client().get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.username").isEqualTo("doctor@riverton");
    }
}

package org.metrohub.portal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrohub.portal.testing.Rooms;
import org.metrohub.portal.testing.TestHub;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The activity projector against real Kafka and PostgreSQL: a consumer restarted after "crashing" before it
 * committed (its group's offsets rewound) neither loses the events produced while it was down nor applies any
 * event twice.
 */
class RoomActivityProjectorIT {

    private static TestHub hub;
    private static WebTestClient client;

    @BeforeAll
    static void hub() {
        hub = TestHub.shared();
        client = hub.client();
    }

    @Test
    void aRestartedConsumerLosesNothingAndAppliesNothingTwice() throws Exception {
        String teacher = hub.login("teacher@riverton");
        Object room = Rooms.create(hub, teacher, "CLASS", "Chemistry").get("id");
        Rooms.join(hub, teacher, room);
        awaitActivity(teacher, room, 2);

        RoomActivityProjector projector = hub.bean(RoomActivityProjector.class);
        projector.stop();
        for (int i = 1; i <= 3; i++) {
            client.patch().uri("/api/rooms/{id}", room).headers(h -> h.setBearerAuth(teacher))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Chemistry " + i))
                    .exchange().expectStatus().isOk();
        }
        Admin admin = hub.bean(KafkaClients.class).admin();
        String topic = hub.bean(EventsProperties.class).roomEventsTopic();
        awaitAllPublished();
        rewindGroupToStart(admin, topic);

        double duplicatesBefore = duplicates();
        projector.start();

        List<Map<String, Object>> items = awaitActivity(teacher, room, 5);
        assertThat(items).extracting(e -> e.get("type")).containsExactly(
                "org.metrohub.room.created.v1", "org.metrohub.participant.joined.v1",
                "org.metrohub.room.updated.v1", "org.metrohub.room.updated.v1", "org.metrohub.room.updated.v1");
        assertThat(items.stream().map(e -> e.get("eventId")).collect(Collectors.toSet())).hasSize(5);
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() >= duplicatesBefore + 2);
    }

    private double duplicates() {
        return hub.bean(MeterRegistry.class).get("metrohub.events.activity").tag("result", "duplicate").counter().count();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> awaitActivity(String token, Object room, int count) {
        Object[] holder = new Object[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> body = client.get().uri("/api/rooms/{id}/activity", room).headers(h -> h.setBearerAuth(token))
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("items");
            assertThat(items).hasSize(count);
            holder[0] = items;
        });
        return (List<Map<String, Object>>) holder[0];
    }

    /** Waits until the outbox is empty, so every event is in Kafka. */
    private static void awaitAllPublished() {
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.bean(org.springframework.r2dbc.core.DatabaseClient.class)
                .sql("SELECT count(*) AS n FROM event_outbox WHERE published_at IS NULL")
                .map(r -> r.get("n", Long.class)).one().block() == 0L);
    }

    /** What a crash before the commit leaves behind: the group's committed offsets behind what it applied. */
    private static void rewindGroupToStart(Admin admin, String topic) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, OffsetSpec> earliest = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()));
        Map<TopicPartition, OffsetAndMetadata> rewound = admin.listOffsets(earliest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                admin.alterConsumerGroupOffsets(RoomActivityProjector.GROUP, rewound).all().get());
    }
}

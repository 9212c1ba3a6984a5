package org.metrohub.portal.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies room events to the {@code room_activity} table: each room's history, for dashboards and audits.
 * One consumer group shared by all instances. Offsets are committed only after the rows are written, so a
 * crash replays events rather than losing them, and the event id as primary key makes a replay apply nothing
 * twice.
 */
@Component
public class RoomActivityProjector extends KafkaConsumerLoop {

    public static final String GROUP = "metrohub-room-activity";
    private static final Logger log = LoggerFactory.getLogger(RoomActivityProjector.class);

    private final KafkaClients kafka;
    private final DatabaseClient db;
    private final JsonMapper json;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter malformed;

    public RoomActivityProjector(KafkaClients kafka, DatabaseClient db, JsonMapper json, MeterRegistry meters) {
        super("room-activity-projector");
        this.kafka = kafka;
        this.db = db;
        this.json = json;
        this.applied = Counter.builder("metrohub.events.activity").tag("result", "applied").description("Room events applied to room_activity").register(meters);
        this.duplicates = Counter.builder("metrohub.events.activity").tag("result", "duplicate").description("Room events already applied, skipped").register(meters);
        this.malformed = Counter.builder("metrohub.events.malformed").tag("consumer", "activity").description("Records that were not CloudEvents JSON").register(meters);
    }

    @Override
    protected KafkaConsumer<String, String> open() {
        KafkaConsumer<String, String> consumer = kafka.consumer("activity", GROUP, Map.of());
        consumer.subscribe(List.of(kafka.properties().roomEventsTopic()));
        return consumer;
    }

    /** Applies the batch, then commits: a crash in between replays the batch, which applies nothing twice. */
    @Override
    protected void handle(ConsumerRecords<String, String> records, KafkaConsumer<String, String> consumer) {
        applyAll(records);
        consumer.commitSync();
    }

    private void applyAll(ConsumerRecords<String, String> records) {
        Flux.fromIterable(records)
                .concatMap(this::apply)
                .then()
                .block(Duration.ofSeconds(30));
    }

    private Mono<Void> apply(ConsumerRecord<String, String> record) {
        CloudEvent event;
        try {
            event = json.readValue(record.value(), CloudEvent.class);
            UUID.fromString(event.id());
            UUID.fromString(event.subject());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            malformed.increment();
            log.warn("Skipping a record at {}-{}@{} that is not a room CloudEvent", record.topic(), record.partition(), record.offset());
            return Mono.empty();
        }
        return db.sql("INSERT INTO room_activity (event_id, room_id, tenant_id, type, occurred_at, data) "
                        + "VALUES (:id, :room, :tenant, :type, :time, :data) ON CONFLICT (event_id) DO NOTHING")
                .bind("id", UUID.fromString(event.id()))
                .bind("room", UUID.fromString(event.subject()))
                .bind("tenant", event.tenant())
                .bind("type", event.type())
                .bind("time", OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC))
                .bind("data", json.writeValueAsString(event.data()))
                .fetch()
                .rowsUpdated()
                .doOnNext(n -> (n > 0 ? applied : duplicates).increment())
                .then();
    }
}

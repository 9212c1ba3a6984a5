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
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
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
public class RoomActivityProjector implements SmartLifecycle {

    public static final String GROUP = "metrohub-room-activity";
    private static final Logger log = LoggerFactory.getLogger(RoomActivityProjector.class);

    private final KafkaClients kafka;
    private final DatabaseClient db;
    private final JsonMapper json;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter malformed;
    private volatile boolean running;
    private KafkaConsumer<String, String> consumer;
    private Thread thread;

    public RoomActivityProjector(KafkaClients kafka, DatabaseClient db, JsonMapper json, MeterRegistry meters) {
        this.kafka = kafka;
        this.db = db;
        this.json = json;
        this.applied = Counter.builder("metrohub.events.activity").tag("result", "applied").description("Room events applied to room_activity").register(meters);
        this.duplicates = Counter.builder("metrohub.events.activity").tag("result", "duplicate").description("Room events already applied, skipped").register(meters);
        this.malformed = Counter.builder("metrohub.events.malformed").tag("consumer", "activity").description("Records that were not CloudEvents JSON").register(meters);
    }

    @Override
    public synchronized void start() {
        consumer = kafka.consumer("activity", GROUP, Map.of());
        consumer.subscribe(List.of(kafka.properties().roomEventsTopic()));
        running = true;
        thread = Thread.ofPlatform().name("room-activity-projector").daemon().start(this::loop);
    }

    private void loop() {
        try {
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    applyAll(records);
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("Room activity projector stopped; uncommitted events will be replayed on restart", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
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

    @Override
    public synchronized void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        try {
            if (thread != null) {
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

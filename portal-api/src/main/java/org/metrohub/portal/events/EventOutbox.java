package org.metrohub.portal.events;

import java.time.InstantSource;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event in PostgreSQL, in the caller's transaction, for the {@link OutboxRelay} to publish. A
 * change and its event are committed together or not at all, so an event is never lost when Kafka is down
 * and never sent for a change that was rolled back.
 */
@Component
public class EventOutbox {

    private final DatabaseClient db;
    private final JsonMapper json;
    private final InstantSource clock;
    private final EventsProperties properties;
    private final String source;
    private final OutboxRelay relay;

    public EventOutbox(DatabaseClient db, JsonMapper json, InstantSource clock, EventsProperties properties,
                       InstanceIdentity instance, OutboxRelay relay) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.source = "/metrohub/portal-api/" + instance.id();
        this.relay = relay;
    }

    /** Appends a room event keyed by the room id; returns the envelope that will be published. */
    public Mono<CloudEvent> appendRoomEvent(RoomEventType type, UUID roomId, String tenant, Object data) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type.type(),
                roomId.toString(), clock.instant(), tenant, "application/json", json.valueToTree(data));
        return db.sql("INSERT INTO event_outbox (event_id, topic, event_key, payload) VALUES (:id, :topic, :key, :payload)")
                .bind("id", UUID.fromString(event.id()))
                .bind("topic", properties.roomEventsTopic())
                .bind("key", event.subject())
                .bind("payload", json.writeValueAsString(event))
                .then()
                .thenReturn(event);
    }

    /** Tells the relay there is something to publish, once the caller's transaction has committed. */
    public void wakeRelay() {
        relay.wakeUp();
    }
}

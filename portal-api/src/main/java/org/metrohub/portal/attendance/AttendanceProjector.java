package org.metrohub.portal.attendance;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.UUID;
import org.metrohub.portal.events.CloudEvent;
import org.metrohub.portal.events.KafkaClients;
import org.metrohub.portal.events.ProjectionConsumer;
import org.metrohub.portal.events.RoomEventProjection;
import org.metrohub.portal.events.RoomEventType;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds attendance from {@code participant.joined.v1}, {@code participant.left.v1} and {@code room.closed.v1}
 * in its own consumer group, {@value #GROUP}, shared by all instances (one platform thread,
 * {@code attendance-projector}). Each event is applied in one transaction: the room's row is locked, the event
 * recorded under its id (a replay stops there: {@link Outcome#DUPLICATE}), and the participant's intervals and
 * summary recomputed from all their events ({@link AttendanceTimeline}), so events arriving late or out of
 * order give the same result as in order. A close recomputes everyone in the room. Offsets are committed only
 * after the transactions, so a crash replays events, which then change nothing.
 */
@Component
public class AttendanceProjector implements RoomEventProjection, SmartLifecycle {

    public static final String GROUP = "metrohub-attendance";

    private final AttendanceStore store;
    private final TransactionalOperator tx;
    private final ProjectionConsumer consumer;

    public AttendanceProjector(AttendanceStore store, TransactionalOperator tx, KafkaClients kafka, JsonMapper json,
                               MeterRegistry meters) {
        this.store = store;
        this.tx = tx;
        this.consumer = new ProjectionConsumer("attendance", GROUP, this, kafka, json, meters);
    }

    @Override
    public Mono<Outcome> apply(CloudEvent event) {
        String type = event.type();
        boolean joined = RoomEventType.PARTICIPANT_JOINED.type().equals(type);
        boolean left = RoomEventType.PARTICIPANT_LEFT.type().equals(type);
        boolean closed = RoomEventType.ROOM_CLOSED.type().equals(type);
        if (!joined && !left && !closed) {
            return Mono.just(Outcome.IGNORED);
        }
        UUID eventId;
        UUID roomId;
        try {
            eventId = UUID.fromString(event.id());
            roomId = UUID.fromString(event.subject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Mono.just(Outcome.MALFORMED);
        }
        if (event.time() == null || blank(event.tenant())) {
            return Mono.just(Outcome.MALFORMED);
        }
        Instant at = event.time(); // PostgreSQL keeps it to the microsecond; the timeline is computed from what it kept
        if (closed) {
            return tx.transactional(store.lockRoom(roomId, event.tenant())
                    .then(store.insertEvent(eventId, roomId, event.tenant(), "ROOM_CLOSED", null, at, null, null))
                    .flatMap(isNew -> !isNew ? Mono.just(Outcome.DUPLICATE)
                            : store.close(roomId, eventId, at).flatMap(room -> store.participants(roomId)
                                    .concatMap(user -> store.recompute(roomId, event.tenant(), user, room.close()))
                                    .then(Mono.just(Outcome.APPLIED)))));
        }
        JsonNode data = event.data();
        String userId = data == null ? null : text(data, "userId");
        if (blank(userId)) {
            return Mono.just(Outcome.MALFORMED);
        }
        AttendanceTimeline.Kind kind = joined ? AttendanceTimeline.Kind.JOIN : AttendanceTimeline.Kind.LEAVE;
        return tx.transactional(store.lockRoom(roomId, event.tenant())
                .flatMap(room -> store.insertEvent(eventId, roomId, event.tenant(), kind.name(), userId, at,
                                text(data, "displayName"), text(data, "role"))
                        .flatMap(isNew -> !isNew ? Mono.just(Outcome.DUPLICATE)
                                : store.recompute(roomId, event.tenant(), userId, room.close())
                                        .then(Mono.just(Outcome.APPLIED)))));
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public void start() {
        consumer.start();
    }

    @Override
    public void stop() {
        consumer.stop();
    }

    @Override
    public boolean isRunning() {
        return consumer.isRunning();
    }
}

package org.metrohub.portal.rooms;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads a room's history from {@code room_activity} (written by the events' activity projector). */
@Component
class RoomActivity {

    /** One applied event. */
    record Entry(String eventId, String type, OffsetDateTime occurredAt) {
    }

    private final DatabaseClient db;

    RoomActivity(DatabaseClient db) {
        this.db = db;
    }

    Mono<List<Entry>> of(UUID roomId) {
        return db.sql("SELECT event_id, type, occurred_at FROM room_activity WHERE room_id = :room "
                        + "ORDER BY occurred_at, event_id LIMIT 1000")
                .bind("room", roomId)
                .map(r -> new Entry(r.get("event_id", UUID.class).toString(), r.get("type", String.class),
                        r.get("occurred_at", OffsetDateTime.class)))
                .all()
                .collectList();
    }
}

package org.metrohub.portal.events;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events a live-stream client missed while it reconnected: those published after the one it names in
 * {@code Last-Event-ID}, read from the outbox (which keeps published events for
 * {@link OutboxRelay#RETENTION}). An id the outbox no longer knows replays nothing.
 */
@Component
class EventReplay {

    static final int LIMIT = 1_000;

    private final DatabaseClient db;
    private final JsonMapper json;

    EventReplay(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Flux<CloudEvent> after(String lastEventId, String tenant) {
        UUID id;
        try {
            id = UUID.fromString(lastEventId);
        } catch (IllegalArgumentException e) {
            return Flux.empty();
        }
        return db.sql("SELECT payload FROM event_outbox WHERE published_at IS NOT NULL "
                        + "AND seq > (SELECT seq FROM event_outbox WHERE event_id = :id) ORDER BY seq LIMIT " + LIMIT)
                .bind("id", id)
                .map(r -> r.get("payload", String.class))
                .all()
                .map(payload -> json.readValue(payload, CloudEvent.class))
                .filter(event -> tenant.equals(event.tenant()));
    }
}

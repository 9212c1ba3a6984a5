package org.metrohub.portal.events;

import reactor.core.publisher.Mono;

/**
 * A read model kept from the room-events topic by its own consumer group ({@link ProjectionConsumer}). A
 * feature implements this without touching Kafka; the consumer reads, parses the envelope, hands each event
 * here in partition order and commits only after {@link #apply} completed, so a crash replays events and the
 * projection must apply each event id at most once.
 */
public interface RoomEventProjection {

    /** What applying one event did. */
    enum Outcome {
        /** The event changed the model. */
        APPLIED,
        /** The event had been applied before (a replay); nothing changed. */
        DUPLICATE,
        /** An event of a type this projection does not keep. */
        IGNORED,
        /** An event of a kept type whose data cannot be read; skipped, counted as malformed. */
        MALFORMED
    }

    /**
     * Applies one event. An error (a database outage, say) stops the consumer before it commits: what it did
     * not commit is read again after a restart.
     */
    Mono<Outcome> apply(CloudEvent event);
}

package org.metrohub.portal.media;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.metrohub.media.node.MediaNode;
import org.metrohub.portal.events.LiveEventHub;
import org.metrohub.portal.events.RoomEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * A room closed on any instance ends its media on this instance's node: everyone connected is told and
 * disconnected. Driven by the room events every instance reads, so it works whichever instance closed it.
 */
@Component
class ClosedRoomsOnMediaNode {

    private static final Logger LOG = LoggerFactory.getLogger(ClosedRoomsOnMediaNode.class);

    private final LiveEventHub events;
    private final MediaNode node;
    private Disposable subscription;

    ClosedRoomsOnMediaNode(LiveEventHub events, MediaNode node) {
        this.events = events;
        this.node = node;
    }

    @PostConstruct
    void start() {
        subscription = events.allEvents()
                .filter(e -> RoomEventType.ROOM_CLOSED.type().equals(e.type()) && e.subject() != null)
                .publishOn(Schedulers.boundedElastic()) // closing transports may wait on ice4j's locks
                .subscribe(e -> {
                    if (node.closeRoom(e.subject(), "the room was closed")) {
                        LOG.info("media: room {} closed; its participants were disconnected", e.subject());
                    }
                });
    }

    @PreDestroy
    void stop() {
        if (subscription != null) {
            subscription.dispose();
        }
    }
}

package org.metrohub.portal.rooms;

import java.time.Instant;
import java.util.UUID;

/** A room record: a meeting, a consultation or a class, owned by one tenant. */
public record Room(UUID id, String tenant, RoomKind kind, String name, String description, int capacity,
                   RoomStatus status, String createdBy, Instant createdAt, Instant updatedAt, long version) {
}

package org.metrohub.portal.rooms;

import java.time.Instant;

/** Someone in a room now, as kept in Redis while their presence lasts. */
public record Participant(String userId, String displayName, String role, Instant joinedAt) {
}

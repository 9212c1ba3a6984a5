package org.metrohub.portal.rooms;

import java.util.UUID;

/**
 * What joining a room gives: a short-lived room token scoped to this room and this role, and the address of
 * the media node's signalling endpoint that will take it.
 */
public record JoinTicket(UUID roomId, String roomToken, long expiresIn, String role, String signallingUrl) {
}

package org.metrohub.portal.identity;

import java.util.UUID;

/**
 * What a guest ticket is exchanged for: an access token confined to {@code roomId} (no refresh token), the
 * guest, and their role in that room.
 */
public record GuestSession(String accessToken, String tokenType, long expiresIn, UserView user, UUID roomId,
                           String roomRole) {
}

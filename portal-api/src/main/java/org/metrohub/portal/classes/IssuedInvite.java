package org.metrohub.portal.classes;

import java.time.Instant;
import java.util.UUID;

/**
 * A new invite link, the only time its {@code token} is shown: a student accepts it with
 * {@code POST acceptPath}.
 */
public record IssuedInvite(UUID id, UUID courseId, String token, String acceptPath, Instant createdAt,
                           Instant expiresAt, Integer maxUses) {
}

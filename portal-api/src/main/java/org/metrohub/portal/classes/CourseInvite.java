package org.metrohub.portal.classes;

import java.time.Instant;
import java.util.UUID;

/** An invite link as listed (never its token); {@code state} is {@code VALID|EXPIRED|USED_UP|REVOKED} now. */
public record CourseInvite(UUID id, UUID courseId, String createdBy, Instant createdAt, Instant expiresAt,
                           Integer maxUses, int uses, Instant revokedAt, String state) {
}

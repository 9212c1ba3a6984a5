package org.metrohub.portal.classes;

import java.time.Instant;
import java.util.UUID;

/** A student in a course, and how they came in: {@code TEACHER} (added) or {@code INVITE} (accepted a link). */
public record Enrolment(UUID courseId, String userId, String username, String displayName, String via,
                        Instant enrolledAt) {
}

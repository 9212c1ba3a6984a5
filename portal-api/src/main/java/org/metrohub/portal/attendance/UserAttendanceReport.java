package org.metrohub.portal.attendance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user's attendance across rooms ({@code GET /api/users/{userId}/attendance}): one entry per room they
 * joined, most recent first.
 */
public record UserAttendanceReport(String userId, Instant generatedAt, List<Entry> items) {

    /** One room; {@code roomName} and {@code kind} are null when the room record is gone. */
    public record Entry(UUID roomId, String roomName, String kind, String displayName, String role,
                        Instant firstJoin, Instant lastLeave, long minutesPresent, long secondsPresent, int joins,
                        boolean presentNow) {
    }
}

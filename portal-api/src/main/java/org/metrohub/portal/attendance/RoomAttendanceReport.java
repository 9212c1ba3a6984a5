package org.metrohub.portal.attendance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A room's attendance report ({@code GET /api/rooms/{id}/attendance}): one entry per participant who ever
 * joined, earliest first.
 *
 * @param expectedStart the start the caller expects, or null (then {@code late} is null)
 * @param graceMinutes  minutes after {@code expectedStart} a first join still counts as on time
 */
public record RoomAttendanceReport(UUID roomId, String roomName, String kind, Instant generatedAt,
                                   Instant expectedStart, int graceMinutes, List<Entry> items) {

    /**
     * One participant.
     *
     * @param lastLeave      the end of their last interval; null while present
     * @param minutesPresent whole minutes present ({@code secondsPresent / 60}, rounded down)
     * @param late           first join after the expected start plus grace; null without an expected start
     */
    public record Entry(String userId, String displayName, String role, Instant firstJoin, Instant lastLeave,
                        long minutesPresent, long secondsPresent, int joins, boolean presentNow, Boolean late,
                        List<Stretch> intervals) {
    }

    /** One interval of presence; {@code leftAt} and {@code endedBy} are null while it is open. */
    public record Stretch(Instant joinedAt, Instant leftAt, String endedBy) {
    }
}

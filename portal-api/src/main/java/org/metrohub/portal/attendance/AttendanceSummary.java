package org.metrohub.portal.attendance;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One participant's attendance in one room as stored (table {@code attendance}): what the timeline of their
 * events gives, with the time of an open interval left to the report, which knows "now".
 *
 * @param closedTime   the time in closed intervals
 * @param presentSince the start of the open interval; null when they are not in the room
 */
public record AttendanceSummary(UUID roomId, String userId, String tenant, String displayName, String role,
                                Instant firstJoin, Instant lastLeave, Duration closedTime, int joins,
                                Instant presentSince) {

    public static AttendanceSummary of(UUID roomId, String userId, String tenant, AttendanceTimeline timeline) {
        return new AttendanceSummary(roomId, userId, tenant, timeline.displayName(), timeline.role(),
                timeline.firstJoin(), timeline.lastLeave(), timeline.closedTime(), timeline.joins(),
                timeline.presentSince());
    }

    public boolean presentNow() {
        return presentSince != null;
    }

    /** The time present up to {@code now}: closed intervals plus the open one (never negative). */
    public Duration timePresent(Instant now) {
        if (presentSince == null || !now.isAfter(presentSince)) {
            return closedTime;
        }
        return closedTime.plus(Duration.between(presentSince, now));
    }

    /**
     * Late: the first join came after {@code expectedStart} plus {@code grace}. Null when no start is expected
     * or they never joined.
     */
    public Boolean late(Instant expectedStart, Duration grace) {
        if (expectedStart == null || firstJoin == null) {
            return null;
        }
        return firstJoin.isAfter(expectedStart.plus(grace));
    }
}

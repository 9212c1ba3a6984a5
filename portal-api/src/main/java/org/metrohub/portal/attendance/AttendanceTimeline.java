package org.metrohub.portal.attendance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One participant's attendance in one room, computed from all their join and leave events and the room's
 * close; pure, no clock (the caller passes "now"). Being a function of the set of events, not of the order
 * they arrived in, it gives the same answer for a replay, a late event or events relayed out of order.
 *
 * <p>The rules, walking the events by time (ties by arrival order):
 * <ul>
 *   <li>a join while absent opens an interval and counts as a join;</li>
 *   <li>a join while present (a second device, or a leave that never came) changes nothing: time runs on from
 *       the earlier join and it is not another join;</li>
 *   <li>a leave while present closes the interval; a leave while absent (its join lost or older than the
 *       projection) changes nothing;</li>
 *   <li>the room's close ends an interval still open at the close time; events at or after it change
 *       nothing;</li>
 *   <li>an interval still open is "present now" and counts up to the time of the report.</li>
 * </ul>
 */
public record AttendanceTimeline(List<Interval> intervals, int joins, String displayName, String role) {

    /** Which event a participant's own event is. */
    public enum Kind { JOIN, LEAVE }

    /** What ended an interval. */
    public enum End { LEAVE, ROOM_CLOSED }

    /**
     * One join or leave.
     *
     * @param order the arrival order, breaking ties between events of the same instant
     */
    public record Mark(UUID eventId, long order, Kind kind, Instant at, String displayName, String role) {
        public Mark {
            Objects.requireNonNull(eventId);
            Objects.requireNonNull(kind);
            Objects.requireNonNull(at);
        }
    }

    /** The room's close: when, and by which event. */
    public record Close(UUID eventId, Instant at) {
    }

    /** A stretch of presence; {@code leftAt}, {@code endEventId} and {@code end} are null while it is open. */
    public record Interval(Instant joinedAt, UUID joinEventId, Instant leftAt, UUID endEventId, End end) {

        public boolean open() {
            return leftAt == null;
        }

        /** Its length, an open one's up to {@code now} (never negative, should clocks disagree). */
        public Duration length(Instant now) {
            Instant until = open() ? now : leftAt;
            return until.isAfter(joinedAt) ? Duration.between(joinedAt, until) : Duration.ZERO;
        }
    }

    private static final Comparator<Mark> BY_TIME = Comparator.comparing(Mark::at).thenComparingLong(Mark::order);

    public AttendanceTimeline {
        intervals = List.copyOf(intervals);
    }

    /** The timeline of these events (any order) in a room closed by {@code close}, or open when it is null. */
    public static AttendanceTimeline of(List<Mark> events, Close close) {
        List<Mark> sorted = new ArrayList<>(events);
        sorted.sort(BY_TIME);
        List<Interval> intervals = new ArrayList<>();
        Mark openedBy = null;
        int joins = 0;
        String displayName = null;
        String role = null;
        for (Mark mark : sorted) {
            if (mark.displayName() != null) {
                displayName = mark.displayName();
            }
            if (mark.role() != null) {
                role = mark.role();
            }
            if (close != null && !mark.at().isBefore(close.at())) {
                continue;
            }
            if (mark.kind() == Kind.JOIN) {
                if (openedBy == null) {
                    openedBy = mark;
                    joins++;
                }
            } else if (openedBy != null) {
                intervals.add(new Interval(openedBy.at(), openedBy.eventId(), mark.at(), mark.eventId(), End.LEAVE));
                openedBy = null;
            }
        }
        if (openedBy != null) {
            intervals.add(close == null
                    ? new Interval(openedBy.at(), openedBy.eventId(), null, null, null)
                    : new Interval(openedBy.at(), openedBy.eventId(), close.at(), close.eventId(), End.ROOM_CLOSED));
        }
        return new AttendanceTimeline(intervals, joins, displayName, role);
    }

    /** The start of the first interval; null when they never joined (only stray leaves, or joins after close). */
    public Instant firstJoin() {
        return intervals.isEmpty() ? null : intervals.getFirst().joinedAt();
    }

    /** The end of the last interval; null while they are present or when they never joined. */
    public Instant lastLeave() {
        return intervals.isEmpty() ? null : intervals.getLast().leftAt();
    }

    /** The start of the open interval, or null when they are not in the room. */
    public Instant presentSince() {
        return presentNow() ? intervals.getLast().joinedAt() : null;
    }

    public boolean presentNow() {
        return !intervals.isEmpty() && intervals.getLast().open();
    }

    /** The time in closed intervals. */
    public Duration closedTime() {
        Duration total = Duration.ZERO;
        for (Interval interval : intervals) {
            if (!interval.open()) {
                total = total.plus(interval.length(interval.leftAt()));
            }
        }
        return total;
    }
}

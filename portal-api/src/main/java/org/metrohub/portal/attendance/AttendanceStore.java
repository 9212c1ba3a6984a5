package org.metrohub.portal.attendance;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.metrohub.portal.attendance.AttendanceTimeline.Close;
import org.metrohub.portal.attendance.AttendanceTimeline.Interval;
import org.metrohub.portal.attendance.AttendanceTimeline.Kind;
import org.metrohub.portal.attendance.AttendanceTimeline.Mark;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Attendance in PostgreSQL (tables in {@code V3__attendance.sql}). Writes run in the caller's transaction:
 * {@link #lockRoom} first, then {@link #insertEvent}, and only for a new event {@link #recompute}.
 */
@Repository
class AttendanceStore {

    /** A room's close as recorded: {@code close} is null while the room is open. */
    record RoomState(Close close) {
    }

    /** An attendance row with its room's current name and kind (null when the room record is gone). */
    record Visit(AttendanceSummary summary, String roomName, String kind) {
    }

    /** A stored interval, with whose it is. */
    record StoredInterval(String userId, Interval interval) {
    }

    private final DatabaseClient db;

    AttendanceStore(DatabaseClient db) {
        this.db = db;
    }

    /** Makes sure the room has its row and locks it until the transaction ends; returns its close. */
    Mono<RoomState> lockRoom(UUID roomId, String tenant) {
        return db.sql("INSERT INTO attendance_room (room_id, tenant_id) VALUES (:room, :tenant) ON CONFLICT (room_id) DO NOTHING")
                .bind("room", roomId)
                .bind("tenant", tenant)
                .then()
                .then(db.sql("SELECT closed_at, close_event_id FROM attendance_room WHERE room_id = :room FOR UPDATE")
                        .bind("room", roomId)
                        .map(AttendanceStore::roomState)
                        .one());
    }

    /** Records an event; false when its id was recorded before (a replay). */
    Mono<Boolean> insertEvent(UUID eventId, UUID roomId, String tenant, String kind, String userId, Instant at,
                              String displayName, String role) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO attendance_event "
                        + "(event_id, room_id, tenant_id, kind, user_id, occurred_at, display_name, role) "
                        + "VALUES (:id, :room, :tenant, :kind, :user, :at, :name, :role) ON CONFLICT (event_id) DO NOTHING")
                .bind("id", eventId)
                .bind("room", roomId)
                .bind("tenant", tenant)
                .bind("kind", kind)
                .bind("at", at);
        spec = nullable(spec, "user", userId, String.class);
        spec = nullable(spec, "name", displayName, String.class);
        spec = nullable(spec, "role", role, String.class);
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Records the room's close; an earlier close than one already recorded wins. Returns the close in force. */
    Mono<RoomState> close(UUID roomId, UUID eventId, Instant at) {
        return db.sql("UPDATE attendance_room SET closed_at = :at, close_event_id = :id "
                        + "WHERE room_id = :room AND (closed_at IS NULL OR closed_at > :at) ")
                .bind("room", roomId)
                .bind("id", eventId)
                .bind("at", at)
                .then()
                .then(db.sql("SELECT closed_at, close_event_id FROM attendance_room WHERE room_id = :room")
                        .bind("room", roomId)
                        .map(AttendanceStore::roomState)
                        .one());
    }

    /** The participants of a room who have events. */
    Flux<String> participants(UUID roomId) {
        return db.sql("SELECT DISTINCT user_id FROM attendance_event WHERE room_id = :room AND user_id IS NOT NULL")
                .bind("room", roomId)
                .map(r -> r.get("user_id", String.class))
                .all();
    }

    /** Rewrites one participant's intervals and summary from all their events. */
    Mono<Void> recompute(UUID roomId, String tenant, String userId, Close close) {
        return db.sql("SELECT event_id, seq, kind, occurred_at, display_name, role FROM attendance_event "
                        + "WHERE room_id = :room AND user_id = :user")
                .bind("room", roomId)
                .bind("user", userId)
                .map(r -> new Mark(r.get("event_id", UUID.class), r.get("seq", Long.class),
                        Kind.valueOf(r.get("kind", String.class)), instant(r.get("occurred_at", OffsetDateTime.class)),
                        r.get("display_name", String.class), r.get("role", String.class)))
                .all()
                .collectList()
                .map(marks -> AttendanceTimeline.of(marks, close))
                .flatMap(timeline -> replaceIntervals(roomId, userId, timeline.intervals())
                        .then(upsert(AttendanceSummary.of(roomId, userId, tenant, timeline))));
    }

    private Mono<Void> replaceIntervals(UUID roomId, String userId, List<Interval> intervals) {
        Mono<Void> delete = db.sql("DELETE FROM attendance_interval WHERE room_id = :room AND user_id = :user")
                .bind("room", roomId)
                .bind("user", userId)
                .then();
        return delete.thenMany(Flux.fromIterable(intervals).concatMap(interval -> {
            DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO attendance_interval "
                            + "(join_event_id, room_id, user_id, joined_at, left_at, end_event_id, ended_by) "
                            + "VALUES (:join, :room, :user, :joinedAt, :leftAt, :end, :endedBy)")
                    .bind("join", interval.joinEventId())
                    .bind("room", roomId)
                    .bind("user", userId)
                    .bind("joinedAt", interval.joinedAt());
            spec = nullable(spec, "leftAt", interval.leftAt(), Instant.class);
            spec = nullable(spec, "end", interval.endEventId(), UUID.class);
            spec = nullable(spec, "endedBy", interval.end() == null ? null : interval.end().name(), String.class);
            return spec.then();
        })).then();
    }

    private Mono<Void> upsert(AttendanceSummary s) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO attendance (room_id, user_id, tenant_id, "
                        + "display_name, role, first_join, last_leave, closed_ms, joins, present_since) "
                        + "VALUES (:room, :user, :tenant, :name, :role, :first, :last, :closed, :joins, :since) "
                        + "ON CONFLICT (room_id, user_id) DO UPDATE SET display_name = EXCLUDED.display_name, "
                        + "role = EXCLUDED.role, first_join = EXCLUDED.first_join, last_leave = EXCLUDED.last_leave, "
                        + "closed_ms = EXCLUDED.closed_ms, joins = EXCLUDED.joins, "
                        + "present_since = EXCLUDED.present_since, updated_at = now()")
                .bind("room", s.roomId())
                .bind("user", s.userId())
                .bind("tenant", s.tenant())
                .bind("closed", s.closedTime().toMillis())
                .bind("joins", s.joins());
        spec = nullable(spec, "name", s.displayName(), String.class);
        spec = nullable(spec, "role", s.role(), String.class);
        spec = nullable(spec, "first", s.firstJoin(), Instant.class);
        spec = nullable(spec, "last", s.lastLeave(), Instant.class);
        spec = nullable(spec, "since", s.presentSince(), Instant.class);
        return spec.then();
    }

    private static final String SUMMARY_COLUMNS = "a.room_id, a.user_id, a.tenant_id, a.display_name, a.role, "
            + "a.first_join, a.last_leave, a.closed_ms, a.joins, a.present_since";

    /** A room's participants, earliest first join first. */
    Mono<List<AttendanceSummary>> ofRoom(UUID roomId) {
        return db.sql("SELECT " + SUMMARY_COLUMNS + " FROM attendance a WHERE a.room_id = :room "
                        + "ORDER BY a.first_join NULLS LAST, a.display_name, a.user_id")
                .bind("room", roomId)
                .map(AttendanceStore::summary)
                .all()
                .collectList();
    }

    /** A room's intervals, by participant and time. */
    Mono<List<StoredInterval>> intervalsOfRoom(UUID roomId) {
        return db.sql("SELECT user_id, joined_at, join_event_id, left_at, end_event_id, ended_by FROM attendance_interval "
                        + "WHERE room_id = :room ORDER BY user_id, joined_at")
                .bind("room", roomId)
                .map(r -> {
                    String endedBy = r.get("ended_by", String.class);
                    return new StoredInterval(r.get("user_id", String.class), new Interval(
                            instant(r.get("joined_at", OffsetDateTime.class)), r.get("join_event_id", UUID.class),
                            instant(r.get("left_at", OffsetDateTime.class)), r.get("end_event_id", UUID.class),
                            endedBy == null ? null : AttendanceTimeline.End.valueOf(endedBy)));
                })
                .all()
                .collectList();
    }

    /** A user's rooms within a tenant, most recent first join first. */
    Mono<List<Visit>> ofUser(String userId, String tenant) {
        return db.sql("SELECT " + SUMMARY_COLUMNS + ", r.name AS room_name, r.kind AS room_kind FROM attendance a "
                        + "LEFT JOIN room r ON r.id = a.room_id "
                        + "WHERE a.user_id = :user AND a.tenant_id = :tenant "
                        + "ORDER BY a.first_join DESC NULLS LAST, a.room_id LIMIT 1000")
                .bind("user", userId)
                .bind("tenant", tenant)
                .map(r -> new Visit(summary(r), r.get("room_name", String.class), r.get("room_kind", String.class)))
                .all()
                .collectList();
    }

    private static AttendanceSummary summary(Readable r) {
        return new AttendanceSummary(r.get("room_id", UUID.class), r.get("user_id", String.class),
                r.get("tenant_id", String.class), r.get("display_name", String.class), r.get("role", String.class),
                instant(r.get("first_join", OffsetDateTime.class)), instant(r.get("last_leave", OffsetDateTime.class)),
                Duration.ofMillis(r.get("closed_ms", Long.class)), r.get("joins", Integer.class),
                instant(r.get("present_since", OffsetDateTime.class)));
    }

    private static RoomState roomState(Readable r) {
        OffsetDateTime closedAt = r.get("closed_at", OffsetDateTime.class);
        return new RoomState(closedAt == null ? null : new Close(r.get("close_event_id", UUID.class), closedAt.toInstant()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
                                                                  T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}

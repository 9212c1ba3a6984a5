package org.metrohub.portal.attendance;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.metrohub.portal.attendance.AttendanceStore.StoredInterval;
import org.metrohub.portal.identity.CurrentUser;
import org.metrohub.portal.rooms.RoomService;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The attendance reports. A room's report needs the room (through {@link RoomService}, which answers 404 for
 * an unknown room and 403 for another tenant's) and {@link AttendancePolicy}; time present counts an open
 * interval up to now.
 */
@Service
public class AttendanceService {

    private final AttendanceStore store;
    private final RoomService rooms;
    private final InstantSource clock;

    public AttendanceService(AttendanceStore store, RoomService rooms, InstantSource clock) {
        this.store = store;
        this.rooms = rooms;
        this.clock = clock;
    }

    public Mono<RoomAttendanceReport> room(CurrentUser user, UUID roomId, Instant expectedStart, int graceMinutes) {
        return rooms.get(user, roomId).flatMap(room -> {
            AttendancePolicy.checkReadRoom(user, room);
            return Mono.zip(store.ofRoom(room.id()), store.intervalsOfRoom(room.id()), (summaries, intervals) ->
                    roomReport(room.id(), room.name(), room.kind().name(), summaries, intervals, now(),
                            expectedStart, graceMinutes));
        });
    }

    public Mono<UserAttendanceReport> user(CurrentUser user, String userId) {
        AttendancePolicy.checkReadUser(user, userId);
        Instant now = now();
        return store.ofUser(userId, user.tenant()).map(visits -> new UserAttendanceReport(userId, now,
                visits.stream().map(v -> {
                    AttendanceSummary s = v.summary();
                    long seconds = s.timePresent(now).toSeconds();
                    return new UserAttendanceReport.Entry(s.roomId(), v.roomName(), v.kind(), s.displayName(),
                            s.role(), s.firstJoin(), s.lastLeave(), seconds / 60, seconds, s.joins(), s.presentNow());
                }).toList()));
    }

    /** Builds a room's report from its stored rows as of {@code now}. */
    static RoomAttendanceReport roomReport(UUID roomId, String roomName, String kind, List<AttendanceSummary> summaries,
                                           List<StoredInterval> intervals, Instant now, Instant expectedStart,
                                           int graceMinutes) {
        Map<String, List<RoomAttendanceReport.Stretch>> byUser = intervals.stream().collect(Collectors.groupingBy(
                StoredInterval::userId, Collectors.mapping(i -> new RoomAttendanceReport.Stretch(i.interval().joinedAt(),
                        i.interval().leftAt(), i.interval().end() == null ? null : i.interval().end().name()),
                        Collectors.toList())));
        Duration grace = Duration.ofMinutes(graceMinutes);
        List<RoomAttendanceReport.Entry> items = summaries.stream().map(s -> {
            long seconds = s.timePresent(now).toSeconds();
            return new RoomAttendanceReport.Entry(s.userId(), s.displayName(), s.role(), s.firstJoin(), s.lastLeave(),
                    seconds / 60, seconds, s.joins(), s.presentNow(), s.late(expectedStart, grace),
                    byUser.getOrDefault(s.userId(), List.of()));
        }).toList();
        return new RoomAttendanceReport(roomId, roomName, kind, now, expectedStart, graceMinutes, items);
    }

    /** A room's report as CSV: a header row, then one row per participant (RFC 4180, formulas neutralised). */
    static String csv(RoomAttendanceReport report) {
        Csv csv = new Csv().row("user_id", "display_name", "role", "first_join", "last_leave", "minutes_present",
                "seconds_present", "joins", "present_now", "late");
        for (RoomAttendanceReport.Entry e : report.items()) {
            csv.row(e.userId(), e.displayName(), e.role(), e.firstJoin(), e.lastLeave(), e.minutesPresent(),
                    e.secondsPresent(), e.joins(), e.presentNow(), e.late());
        }
        return csv.toString();
    }

    /** A user's report as CSV: a header row, then one row per room. */
    static String csv(UserAttendanceReport report) {
        Csv csv = new Csv().row("room_id", "room_name", "kind", "display_name", "role", "first_join", "last_leave",
                "minutes_present", "seconds_present", "joins", "present_now");
        for (UserAttendanceReport.Entry e : report.items()) {
            csv.row(e.roomId(), e.roomName(), e.kind(), e.displayName(), e.role(), e.firstJoin(), e.lastLeave(),
                    e.minutesPresent(), e.secondsPresent(), e.joins(), e.presentNow());
        }
        return csv.toString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

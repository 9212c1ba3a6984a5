package org.metrohub.portal.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.metrohub.portal.attendance.AttendanceStore.StoredInterval;
import org.metrohub.portal.attendance.AttendanceTimeline.End;
import org.metrohub.portal.attendance.AttendanceTimeline.Interval;

/** Building a room's report and its CSV from stored rows as of a given "now". */
class AttendanceServiceTest {

    private static final Instant START = Instant.parse("2026-09-01T08:00:00Z");
    private static final UUID ROOM = UUID.fromString("3f2b8c1e-0d4a-4b7e-9a51-2c6f0e8d9b13");

    private static RoomAttendanceReport report(Instant expectedStart) {
        AttendanceSummary onTime = new AttendanceSummary(ROOM, "t1", "riverton", "Teacher", "MODERATOR", START,
                START.plusSeconds(3_000), Duration.ofSeconds(3_000), 1, null);
        AttendanceSummary lateAndHere = new AttendanceSummary(ROOM, "s1", "riverton", "=Eve, \"the\" student",
                "PARTICIPANT", START.plusSeconds(600), START.plusSeconds(900), Duration.ofSeconds(299), 2,
                START.plusSeconds(1_200));
        List<StoredInterval> intervals = List.of(
                new StoredInterval("t1", new Interval(START, UUID.randomUUID(), START.plusSeconds(3_000), UUID.randomUUID(), End.LEAVE)),
                new StoredInterval("s1", new Interval(START.plusSeconds(600), UUID.randomUUID(), START.plusSeconds(899), UUID.randomUUID(), End.LEAVE)),
                new StoredInterval("s1", new Interval(START.plusSeconds(1_200), UUID.randomUUID(), null, null, null)));
        return AttendanceService.roomReport(ROOM, "Chemistry", "CLASS", List.of(onTime, lateAndHere), intervals,
                START.plusSeconds(1_500), expectedStart, 5);
    }

    @Test
    void minutesAreWholeMinutesOfClosedAndOpenTimeAndLateFollowsTheExpectedStart() {
        RoomAttendanceReport report = report(START);

        assertThat(report.items()).hasSize(2);
        RoomAttendanceReport.Entry teacher = report.items().get(0);
        assertThat(teacher.secondsPresent()).isEqualTo(3_000);
        assertThat(teacher.minutesPresent()).isEqualTo(50);
        assertThat(teacher.late()).isFalse();
        assertThat(teacher.presentNow()).isFalse();
        assertThat(teacher.intervals()).hasSize(1);

        RoomAttendanceReport.Entry student = report.items().get(1);
        assertThat(student.secondsPresent()).isEqualTo(299 + 300); // open since 1200 s, now at 1500 s
        assertThat(student.minutesPresent()).isEqualTo(9);
        assertThat(student.late()).isTrue(); // 10 min after the start, grace 5
        assertThat(student.presentNow()).isTrue();
        assertThat(student.joins()).isEqualTo(2);
        assertThat(student.intervals()).extracting(RoomAttendanceReport.Stretch::endedBy).containsExactly("LEAVE", null);
    }

    @Test
    void withoutAnExpectedStartLatenessIsUnknown() {
        assertThat(report(null).items()).allSatisfy(e -> assertThat(e.late()).isNull());
    }

    @Test
    void theCsvHasAHeaderAndOneEscapedRowPerParticipant() {
        String csv = AttendanceService.csv(report(START));

        assertThat(csv.split("\r\n", -1)).containsExactly(
                "user_id,display_name,role,first_join,last_leave,minutes_present,seconds_present,joins,present_now,late",
                "t1,Teacher,MODERATOR,2026-09-01T08:00:00Z,2026-09-01T08:50:00Z,50,3000,1,false,false",
                "s1,\"'=Eve, \"\"the\"\" student\",PARTICIPANT,2026-09-01T08:10:00Z,2026-09-01T08:15:00Z,9,599,2,true,true",
                "");
    }
}

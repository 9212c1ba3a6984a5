package org.metrohub.portal.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.metrohub.portal.attendance.AttendanceTimeline.Kind;
import org.metrohub.portal.attendance.AttendanceTimeline.Mark;

/** Time present up to "now" and lateness against an expected start, with times given by the test. */
class AttendanceSummaryTest {

    private static final Instant START = Instant.parse("2026-09-01T08:00:00Z");
    private static final UUID ROOM = UUID.randomUUID();

    private static AttendanceSummary summary(Instant firstJoin, Duration closed, Instant presentSince) {
        return new AttendanceSummary(ROOM, "u1", "riverton", "Ann", "PARTICIPANT", firstJoin, null, closed, 1,
                presentSince);
    }

    @Test
    void anOpenIntervalCountsUpToNowOnTopOfTheClosedOnes() {
        AttendanceSummary s = summary(START, Duration.ofMinutes(10), START.plus(Duration.ofMinutes(20)));

        assertThat(s.presentNow()).isTrue();
        assertThat(s.timePresent(START.plus(Duration.ofMinutes(50)))).isEqualTo(Duration.ofMinutes(40));
        assertThat(s.timePresent(START.plus(Duration.ofMinutes(15)))).as("now before the open interval began")
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void withoutAnOpenIntervalNowDoesNotMatter() {
        AttendanceSummary s = summary(START, Duration.ofMinutes(10), null);

        assertThat(s.presentNow()).isFalse();
        assertThat(s.timePresent(START.plus(Duration.ofDays(3)))).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void lateMeansAFirstJoinAfterTheExpectedStartPlusGrace() {
        Duration grace = Duration.ofMinutes(5);
        assertThat(summary(START.plus(grace), Duration.ZERO, null).late(START, grace)).isFalse();
        assertThat(summary(START.plus(grace).plusSeconds(1), Duration.ZERO, null).late(START, grace)).isTrue();
        assertThat(summary(START.minusSeconds(600), Duration.ZERO, null).late(START, grace)).isFalse();
        assertThat(summary(START.plusSeconds(1), Duration.ZERO, null).late(START, Duration.ZERO)).isTrue();
    }

    @Test
    void lateIsUnknownWithoutAnExpectedStartOrAFirstJoin() {
        assertThat(summary(START, Duration.ZERO, null).late(null, Duration.ofMinutes(5))).isNull();
        assertThat(summary(null, Duration.ZERO, null).late(START, Duration.ofMinutes(5))).isNull();
    }

    @Test
    void isTakenFromTheTimeline() {
        Instant t = START;
        AttendanceTimeline timeline = AttendanceTimeline.of(List.of(
                new Mark(UUID.randomUUID(), 1, Kind.JOIN, t, "Ann", "PARTICIPANT"),
                new Mark(UUID.randomUUID(), 2, Kind.LEAVE, t.plusSeconds(90), "Ann", "PARTICIPANT"),
                new Mark(UUID.randomUUID(), 3, Kind.JOIN, t.plusSeconds(300), "Ann B.", "PARTICIPANT")), null);
        AttendanceSummary s = AttendanceSummary.of(ROOM, "u1", "riverton", timeline);

        assertThat(s).isEqualTo(new AttendanceSummary(ROOM, "u1", "riverton", "Ann B.", "PARTICIPANT", t, null,
                Duration.ofSeconds(90), 2, t.plusSeconds(300)));
    }
}

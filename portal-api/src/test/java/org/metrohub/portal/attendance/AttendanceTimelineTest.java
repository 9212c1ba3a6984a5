package org.metrohub.portal.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.metrohub.portal.attendance.AttendanceTimeline.Close;
import org.metrohub.portal.attendance.AttendanceTimeline.End;
import org.metrohub.portal.attendance.AttendanceTimeline.Interval;
import org.metrohub.portal.attendance.AttendanceTimeline.Kind;
import org.metrohub.portal.attendance.AttendanceTimeline.Mark;

/** The interval arithmetic of one participant in one room, on event times given by the test. */
class AttendanceTimelineTest {

    private static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    private long order;

    private Mark join(int minute) {
        return mark(Kind.JOIN, T0.plus(Duration.ofMinutes(minute)));
    }

    private Mark leave(int minute) {
        return mark(Kind.LEAVE, T0.plus(Duration.ofMinutes(minute)));
    }

    private Mark mark(Kind kind, Instant at) {
        order++;
        return new Mark(UUID.randomUUID(), order, kind, at, "Student " + order, order % 2 == 0 ? "MODERATOR" : "PARTICIPANT");
    }

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    @Test
    void aJoinAndALeaveMakeOneClosedIntervalWithTheirEventIds() {
        Mark join = join(0);
        Mark leave = leave(45);
        AttendanceTimeline timeline = AttendanceTimeline.of(List.of(join, leave), null);

        assertThat(timeline.intervals()).containsExactly(
                new Interval(at(0), join.eventId(), at(45), leave.eventId(), End.LEAVE));
        assertThat(timeline.joins()).isEqualTo(1);
        assertThat(timeline.firstJoin()).isEqualTo(at(0));
        assertThat(timeline.lastLeave()).isEqualTo(at(45));
        assertThat(timeline.closedTime()).isEqualTo(Duration.ofMinutes(45));
        assertThat(timeline.presentNow()).isFalse();
        assertThat(timeline.presentSince()).isNull();
    }

    @Test
    void leavingAndComingBackSumsTheIntervalsAndCountsTwoJoins() {
        AttendanceTimeline timeline = AttendanceTimeline.of(List.of(join(0), leave(10), join(30), leave(50)), null);

        assertThat(timeline.intervals()).hasSize(2);
        assertThat(timeline.joins()).isEqualTo(2);
        assertThat(timeline.firstJoin()).isEqualTo(at(0));
        assertThat(timeline.lastLeave()).isEqualTo(at(50));
        assertThat(timeline.closedTime()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aJoinWhilePresentIsNeitherAnotherJoinNorMoreTime() {
        // a second device, or a presence that expired without a leave and was renewed: one stretch from 0 to 40
        Mark first = join(0);
        AttendanceTimeline timeline = AttendanceTimeline.of(List.of(first, join(5), join(20), leave(40)), null);

        assertThat(timeline.joins()).isEqualTo(1);
        assertThat(timeline.intervals()).singleElement().satisfies(i -> {
            assertThat(i.joinEventId()).isEqualTo(first.eventId());
            assertThat(i.joinedAt()).isEqualTo(at(0));
            assertThat(i.leftAt()).isEqualTo(at(40));
        });
        assertThat(timeline.closedTime()).isEqualTo(Duration.ofMinutes(40));
    }

    @Test
    void aLeaveWhileAbsentChangesNothing() {
        AttendanceTimeline strayOnly = AttendanceTimeline.of(List.of(leave(3)), null);
        assertThat(strayOnly.intervals()).isEmpty();
        assertThat(strayOnly.joins()).isZero();
        assertThat(strayOnly.firstJoin()).isNull();
        assertThat(strayOnly.lastLeave()).isNull();
        assertThat(strayOnly.closedTime()).isZero();

        AttendanceTimeline doubleLeave = AttendanceTimeline.of(List.of(join(0), leave(10), leave(25)), null);
        assertThat(doubleLeave.lastLeave()).isEqualTo(at(10));
        assertThat(doubleLeave.closedTime()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void eventsArrivingInAnyOrderGiveTheSameTimeline() {
        List<Mark> inOrder = List.of(join(0), join(2), leave(10), leave(11), join(30), leave(50), join(55));
        AttendanceTimeline expected = AttendanceTimeline.of(inOrder, null);
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            List<Mark> shuffled = new ArrayList<>(inOrder);
            Collections.shuffle(shuffled, random);
            assertThat(AttendanceTimeline.of(shuffled, null)).as("order %s", shuffled).isEqualTo(expected);
        }
        assertThat(expected.joins()).isEqualTo(3);
        assertThat(expected.closedTime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(expected.presentSince()).isEqualTo(at(55));
    }

    @Test
    void eventsOfTheSameInstantFollowTheirArrivalOrder() {
        Mark join = mark(Kind.JOIN, at(0));
        Mark leave = mark(Kind.LEAVE, at(0)); // arrived after the join: a visit of no length
        AttendanceTimeline visit = AttendanceTimeline.of(List.of(leave, join), null);
        assertThat(visit.presentNow()).isFalse();
        assertThat(visit.joins()).isEqualTo(1);
        assertThat(visit.closedTime()).isZero();

        Mark leaveFirst = mark(Kind.LEAVE, at(0));
        Mark joinAfter = mark(Kind.JOIN, at(0)); // arrived after the leave: present from 0
        AttendanceTimeline present = AttendanceTimeline.of(List.of(joinAfter, leaveFirst), null);
        assertThat(present.presentNow()).isTrue();
        assertThat(present.presentSince()).isEqualTo(at(0));
    }

    @Test
    void anOpenIntervalIsPresentNowWithNoLastLeave() {
        AttendanceTimeline timeline = AttendanceTimeline.of(List.of(join(0), leave(10), join(20)), null);

        assertThat(timeline.presentNow()).isTrue();
        assertThat(timeline.presentSince()).isEqualTo(at(20));
        assertThat(timeline.lastLeave()).isNull();
        assertThat(timeline.closedTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(timeline.intervals().getLast().length(at(35))).isEqualTo(Duration.ofMinutes(15));
        assertThat(timeline.intervals().getLast().length(at(19))).as("a clock behind the join").isZero();
    }

    @Test
    void theRoomsCloseEndsAnOpenIntervalAndLaterEventsChangeNothing() {
        Mark join = join(0);
        Close close = new Close(UUID.randomUUID(), at(60));
        AttendanceTimeline timeline = AttendanceTimeline.of(List.of(join, leave(75), join(80)), close);

        assertThat(timeline.intervals()).containsExactly(
                new Interval(at(0), join.eventId(), at(60), close.eventId(), End.ROOM_CLOSED));
        assertThat(timeline.joins()).isEqualTo(1);
        assertThat(timeline.presentNow()).isFalse();
        assertThat(timeline.lastLeave()).isEqualTo(at(60));
        assertThat(timeline.closedTime()).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void aCloseLeavesEarlierClosedIntervalsAsTheyAre() {
        Close close = new Close(UUID.randomUUID(), at(60));
        AttendanceTimeline timeline = AttendanceTimeline.of(List.of(join(0), leave(20)), close);

        assertThat(timeline.intervals()).singleElement().satisfies(i -> assertThat(i.end()).isEqualTo(End.LEAVE));
        assertThat(timeline.closedTime()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void onlyAJoinAtOrAfterTheCloseIsNoAttendance() {
        AttendanceTimeline timeline = AttendanceTimeline.of(List.of(join(60), leave(70)),
                new Close(UUID.randomUUID(), at(60)));

        assertThat(timeline.intervals()).isEmpty();
        assertThat(timeline.joins()).isZero();
        assertThat(timeline.firstJoin()).isNull();
    }

    @Test
    void theNameAndRoleAreTheLatestEventsOnes() {
        Mark early = new Mark(UUID.randomUUID(), 2, Kind.JOIN, at(0), "Old Name", "PARTICIPANT");
        Mark late = new Mark(UUID.randomUUID(), 1, Kind.LEAVE, at(5), "New Name", "MODERATOR");
        AttendanceTimeline timeline = AttendanceTimeline.of(List.of(late, early), null);

        assertThat(timeline.displayName()).isEqualTo("New Name");
        assertThat(timeline.role()).isEqualTo("MODERATOR");
    }
}

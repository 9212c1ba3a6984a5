package org.metrohub.elearning.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private static WeeklySlot slot(String day, String start, int minutes) {
        return WeeklySlot.parse(day, start, minutes, "Europe/Oslo");
    }

    @Test
    void parsesTheApiFormIgnoringTheCaseOfTheDay() {
        WeeklySlot slot = WeeklySlot.parse("monday", "09:30", 45, "Europe/Oslo");
        assertThat(slot).isEqualTo(new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(9, 30), 45, OSLO));
        assertThat(slot.startText()).isEqualTo("09:30");
    }

    @Test
    void refusesEachMalformedFieldNamingIt() {
        assertThatThrownBy(() -> WeeklySlot.parse("Funday", "09:00", 45, "UTC"))
                .isInstanceOf(CourseRuleException.class).hasMessageContaining("dayOfWeek").hasMessageContaining("Funday");
        assertThatThrownBy(() -> WeeklySlot.parse("MONDAY", "9:00", 45, "UTC"))
                .isInstanceOf(CourseRuleException.class).hasMessageContaining("HH:mm");
        assertThatThrownBy(() -> WeeklySlot.parse("MONDAY", "24:00", 45, "UTC"))
                .isInstanceOf(CourseRuleException.class).hasMessageContaining("HH:mm");
        assertThatThrownBy(() -> WeeklySlot.parse("MONDAY", "09:00", 4, "UTC"))
                .isInstanceOf(CourseRuleException.class).hasMessageContaining("durationMinutes");
        assertThatThrownBy(() -> WeeklySlot.parse("MONDAY", "09:00", 721, "UTC"))
                .isInstanceOf(CourseRuleException.class).hasMessageContaining("durationMinutes");
        assertThatThrownBy(() -> WeeklySlot.parse("MONDAY", "09:00", 45, "Mars/Olympus"))
                .isInstanceOf(CourseRuleException.class).hasMessageContaining("zone");
        assertThatThrownBy(() -> WeeklySlot.parse("MONDAY", "09:00", null, "UTC"))
                .isInstanceOf(CourseRuleException.class).hasMessageContaining("durationMinutes");
    }

    @Test
    void keepsSlotsInWeekOrder() {
        WeeklySchedule schedule = new WeeklySchedule(List.of(slot("FRIDAY", "08:00", 60), slot("MONDAY", "10:00", 60),
                slot("MONDAY", "08:00", 60)));
        assertThat(schedule.slots()).extracting(WeeklySlot::toString).containsExactly(
                "MONDAY 08:00 (60 min, Europe/Oslo)", "MONDAY 10:00 (60 min, Europe/Oslo)",
                "FRIDAY 08:00 (60 min, Europe/Oslo)");
    }

    @Test
    void backToBackLessonsAreFineButOverlappingOnesAreRefused() {
        assertThat(new WeeklySchedule(List.of(slot("MONDAY", "08:00", 60), slot("MONDAY", "09:00", 60))).slots())
                .hasSize(2);
        assertThatThrownBy(() -> new WeeklySchedule(List.of(slot("MONDAY", "08:00", 61), slot("MONDAY", "09:00", 60))))
                .isInstanceOf(CourseRuleException.class)
                .hasMessage("The lessons MONDAY 08:00 (61 min, Europe/Oslo) and MONDAY 09:00 (60 min, Europe/Oslo) overlap.");
    }

    @Test
    void aLateSundayLessonMayNotRunIntoMondayMorning() {
        assertThatThrownBy(() -> new WeeklySchedule(List.of(slot("MONDAY", "00:30", 60), slot("SUNDAY", "23:30", 90))))
                .isInstanceOf(CourseRuleException.class).hasMessageContaining("SUNDAY 23:30").hasMessageContaining("overlap");
        assertThat(new WeeklySchedule(List.of(slot("MONDAY", "00:30", 60), slot("SUNDAY", "23:30", 60))).slots()).hasSize(2);
    }

    @Test
    void allLessonsShareOneZone() {
        assertThatThrownBy(() -> new WeeklySchedule(List.of(slot("MONDAY", "08:00", 60),
                WeeklySlot.parse("TUESDAY", "08:00", 60, "UTC"))))
                .isInstanceOf(CourseRuleException.class).hasMessageContaining("one time zone");
    }

    @Test
    void holdsAtMostTwentyOneLessons() {
        List<WeeklySlot> slots = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (String start : List.of("08:00", "10:00", "12:00", "14:00")) {
                slots.add(slot(day.name(), start, 60));
            }
        }
        assertThatThrownBy(() -> new WeeklySchedule(slots)).isInstanceOf(CourseRuleException.class)
                .hasMessageContaining("at most 21");
        assertThat(new WeeklySchedule(slots.subList(0, 21)).slots()).hasSize(21);
    }

    @Test
    void theNextLessonIsTheEarliestStartStrictlyAfterNow() {
        WeeklySchedule schedule = new WeeklySchedule(List.of(slot("MONDAY", "09:00", 60), slot("THURSDAY", "14:00", 60)));
        // 2025-03-03 is a Monday; Oslo is at +01:00 in winter.
        assertThat(schedule.nextStart(Instant.parse("2025-03-03T07:00:00Z"))).contains(Instant.parse("2025-03-03T08:00:00Z"));
        assertThat(schedule.nextStart(Instant.parse("2025-03-03T08:00:00Z"))).contains(Instant.parse("2025-03-06T13:00:00Z"));
        assertThat(schedule.nextStart(Instant.parse("2025-03-06T13:00:01Z"))).contains(Instant.parse("2025-03-10T08:00:00Z"));
        assertThat(WeeklySchedule.empty().nextStart(Instant.parse("2025-03-03T07:00:00Z"))).isEmpty();
    }

    @Test
    void aLessonKeepsItsWallClockTimeAcrossDaylightSavingTime() {
        WeeklySlot monday = slot("MONDAY", "09:00", 60);
        // Oslo moves to +02:00 on Sunday 2025-03-30: Monday 09:00 local is 08:00Z before, 07:00Z after.
        assertThat(monday.nextStart(Instant.parse("2025-03-25T00:00:00Z"))).isEqualTo(Instant.parse("2025-03-31T07:00:00Z"));
        // A Sunday 02:30 lesson falls into that night's gap (02:00 → 03:00) and starts at 03:30 local, 01:30Z.
        WeeklySlot inTheGap = slot("SUNDAY", "02:30", 60);
        assertThat(inTheGap.nextStart(Instant.parse("2025-03-29T12:00:00Z"))).isEqualTo(Instant.parse("2025-03-30T01:30:00Z"));
    }
}

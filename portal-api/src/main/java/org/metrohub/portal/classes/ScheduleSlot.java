package org.metrohub.portal.classes;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.metrohub.elearning.course.WeeklySlot;

/** A weekly lesson as the API reads and writes it: {@code {"dayOfWeek":"MONDAY","start":"09:00","durationMinutes":45,"zone":"Europe/Oslo"}}. */
public record ScheduleSlot(
        @NotNull @Size(max = 20) String dayOfWeek,
        @NotNull @Size(max = 5) String start,
        @NotNull Integer durationMinutes,
        @NotNull @Size(max = 60) String zone) {

    static ScheduleSlot of(WeeklySlot slot) {
        return new ScheduleSlot(slot.dayOfWeek().name(), slot.startText(), slot.durationMinutes(), slot.zone().getId());
    }

    WeeklySlot toSlot() {
        return WeeklySlot.parse(dayOfWeek, start, durationMinutes, zone);
    }
}

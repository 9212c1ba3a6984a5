package org.metrohub.elearning.course;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A course's weekly timetable: up to {@value #MAX_SLOTS} lessons a week, all in one time zone, none overlapping
 * another (a Sunday evening lesson may not run into Monday's first one either). Slots are kept in week order,
 * Monday first. An empty schedule is allowed: a course may have only classes planned one by one.
 */
public record WeeklySchedule(List<WeeklySlot> slots) {

    public static final int MAX_SLOTS = 21;

    public WeeklySchedule {
        List<WeeklySlot> sorted = new ArrayList<>(slots);
        sorted.sort(Comparator.comparingInt(WeeklySlot::startMinuteOfWeek));
        if (sorted.size() > MAX_SLOTS) {
            throw new CourseRuleException("A schedule holds at most " + MAX_SLOTS + " lessons a week; got "
                    + sorted.size() + ".");
        }
        ZoneId zone = sorted.isEmpty() ? null : sorted.getFirst().zone();
        for (WeeklySlot slot : sorted) {
            if (!slot.zone().equals(zone)) {
                throw new CourseRuleException("All lessons of a schedule are in one time zone; got " + zone
                        + " and " + slot.zone() + ".");
            }
        }
        int n = sorted.size();
        for (int i = 0; n > 1 && i < n; i++) {
            WeeklySlot slot = sorted.get(i);
            WeeklySlot next = sorted.get((i + 1) % n);
            int nextStart = next.startMinuteOfWeek() + (i == n - 1 ? WeeklySlot.MINUTES_PER_WEEK : 0);
            if (slot.startMinuteOfWeek() + slot.durationMinutes() > nextStart) {
                throw new CourseRuleException("The lessons " + slot + " and " + next + " overlap.");
            }
        }
        slots = List.copyOf(sorted);
    }

    public static WeeklySchedule empty() {
        return new WeeklySchedule(List.of());
    }

    /** The start of the next lesson strictly after {@code after}; empty when the schedule is empty. */
    public Optional<Instant> nextStart(Instant after) {
        return slots.stream().map(slot -> slot.nextStart(after)).min(Comparator.naturalOrder());
    }
}

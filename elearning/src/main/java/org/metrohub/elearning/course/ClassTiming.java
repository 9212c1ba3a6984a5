package org.metrohub.elearning.course;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** When a class is planned: its start and length ({@value #MIN_MINUTES}–{@value #MAX_MINUTES} minutes). */
public record ClassTiming(Instant scheduledStart, int durationMinutes) {

    public static final int MIN_MINUTES = WeeklySlot.MIN_MINUTES;
    public static final int MAX_MINUTES = WeeklySlot.MAX_MINUTES;

    public ClassTiming {
        Objects.requireNonNull(scheduledStart, "scheduledStart");
        if (durationMinutes < MIN_MINUTES || durationMinutes > MAX_MINUTES) {
            throw new CourseRuleException("durationMinutes must be between " + MIN_MINUTES + " and " + MAX_MINUTES
                    + "; got " + durationMinutes + ".");
        }
    }

    public Instant scheduledEnd() {
        return scheduledStart.plus(Duration.ofMinutes(durationMinutes));
    }
}

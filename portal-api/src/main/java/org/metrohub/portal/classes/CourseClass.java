package org.metrohub.portal.classes;

import java.time.Instant;
import java.util.UUID;
import org.metrohub.elearning.course.ClassStatus;

/** A class: one scheduled live lesson of a course, held in its own room ({@code roomId}, kind {@code CLASS}). */
public record CourseClass(UUID id, UUID courseId, UUID roomId, String title, Instant scheduledStart,
                          int durationMinutes, ClassStatus status, Instant startedAt, Instant endedAt,
                          String createdBy, Instant createdAt, Instant updatedAt, long version) {

    CourseClass moved(ClassStatus next, Instant at) {
        return new CourseClass(id, courseId, roomId, title, scheduledStart, durationMinutes, next,
                next == ClassStatus.LIVE ? at : startedAt, next == ClassStatus.ENDED ? at : endedAt, createdBy,
                createdAt, at, version);
    }
}

package org.metrohub.portal.classes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A course of one tenant: its teacher and weekly schedule. {@code nextLessonAt} is the next start the schedule
 * gives, worked out when the course is read (null without a schedule).
 */
public record Course(UUID id, String tenant, String name, String description, String teacherId,
                     List<ScheduleSlot> schedule, Instant nextLessonAt, String createdBy, Instant createdAt,
                     Instant updatedAt, long version) {

    Course withNextLessonAt(Instant next) {
        return new Course(id, tenant, name, description, teacherId, schedule, next, createdBy, createdAt, updatedAt,
                version);
    }
}

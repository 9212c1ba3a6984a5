package org.metrohub.portal.classes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new course. {@code teacher} (a user id or user name of a TEACHER of the tenant) is for an ADMIN creating a
 * course for someone; a TEACHER's course is their own.
 */
public record CreateCourseRequest(
        @NotBlank @Size(max = 120) String name,
        @Size(max = 2000) String description,
        @Size(max = 21) List<@Valid ScheduleSlot> schedule,
        @Size(max = 200) String teacher) {
}

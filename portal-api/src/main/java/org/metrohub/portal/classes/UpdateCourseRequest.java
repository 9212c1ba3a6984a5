package org.metrohub.portal.classes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A change to a course; absent fields stay as they are, a given schedule replaces the old one whole. */
public record UpdateCourseRequest(
        @Size(min = 1, max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(max = 2000) String description,
        @Size(max = 21) List<@Valid ScheduleSlot> schedule) {
}

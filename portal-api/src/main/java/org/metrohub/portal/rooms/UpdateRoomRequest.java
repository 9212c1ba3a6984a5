package org.metrohub.portal.rooms;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A change to a room; absent fields stay as they are. */
public record UpdateRoomRequest(
        @Size(min = 1, max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(max = 2000) String description,
        @Min(1) @Max(500) Integer capacity) {
}

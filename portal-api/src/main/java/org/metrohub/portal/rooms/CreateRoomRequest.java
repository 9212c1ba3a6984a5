package org.metrohub.portal.rooms;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new room. {@code kind} stays a string here so an unknown value gets a sentence naming the accepted ones.
 */
public record CreateRoomRequest(
        @NotBlank String kind,
        @NotBlank @Size(max = 120) String name,
        @Size(max = 2000) String description,
        @Min(1) @Max(500) Integer capacity) {
}

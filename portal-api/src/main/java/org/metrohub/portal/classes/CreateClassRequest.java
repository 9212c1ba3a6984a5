package org.metrohub.portal.classes;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new class: {@code scheduledStart} an ISO-8601 instant ({@code 2025-03-03T08:00:00Z}), 5–720 minutes long;
 * {@code capacity} is its room's (default 50).
 */
public record CreateClassRequest(
        @NotBlank @Size(max = 120) String title,
        @Size(max = 2000) String description,
        @NotBlank @Size(max = 40) String scheduledStart,
        @NotNull Integer durationMinutes,
        @Min(1) @Max(500) Integer capacity) {
}

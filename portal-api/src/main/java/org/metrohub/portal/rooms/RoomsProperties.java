package org.metrohub.portal.rooms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Room settings ({@code metrohub.rooms.*}).
 *
 * @param presenceTtl    how long a participant stays listed without renewing (joining again renews)
 * @param signallingUrl  the media node signalling address handed out on join (a placeholder until the
 *                       media gateway exists; the room token is real)
 */
@Validated
@ConfigurationProperties("metrohub.rooms")
public record RoomsProperties(
        @DefaultValue("2m") @NotNull Duration presenceTtl,
        @DefaultValue("/media/rooms/{roomId}/admission") @NotBlank String signallingUrl) {
}

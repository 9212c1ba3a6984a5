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
 * @param signallingUrl  the media node's signalling WebSocket handed out on join ({@code {roomId}} is
 *                       replaced); a path is relative to the portal
 */
@Validated
@ConfigurationProperties("metrohub.rooms")
public record RoomsProperties(
        @DefaultValue("2m") @NotNull Duration presenceTtl,
        @DefaultValue("/media/rooms/{roomId}/signal") @NotBlank String signallingUrl) {
}

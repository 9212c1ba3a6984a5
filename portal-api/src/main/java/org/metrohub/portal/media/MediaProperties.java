package org.metrohub.portal.media;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The in-process media node and its signalling ({@code metrohub.media.*}).
 *
 * @param udpPort              the one UDP port all WebRTC endpoints share (0: any free port, for tests)
 * @param tcpPort              ICE-TCP port for networks that block UDP (0: off, -1: any free port, for tests)
 * @param bindAddresses        local addresses the media ports listen on
 * @param advertisedAddresses  local address → address browsers should use (public address / NAT mapping)
 * @param senderBitrate        bits/s the node lets each browser send (REMB), enough for three simulcast layers
 * @param maxParticipants      endpoints per room on this node
 * @param keyframeInterval     fewest time between two keyframe requests to one sender
 * @param joinTimeout          a signalling socket must join within this
 * @param maxMessagesPerSecond signalling messages a socket may send per second (bursts of twice that)
 * @param signallingQueue      messages queued for a slow browser before its session is closed
 */
@Validated
@ConfigurationProperties("metrohub.media")
public record MediaProperties(
        @DefaultValue("10000") @Min(0) @Max(65535) int udpPort,
        @DefaultValue("4443") @Min(-1) @Max(65535) int tcpPort,
        @DefaultValue("127.0.0.1") @NotEmpty List<String> bindAddresses,
        @DefaultValue Map<String, String> advertisedAddresses,
        @DefaultValue("3000000") @Min(100_000) long senderBitrate,
        @DefaultValue("100") @Min(1) int maxParticipants,
        @DefaultValue("300ms") @NotNull Duration keyframeInterval,
        @DefaultValue("15s") @NotNull Duration joinTimeout,
        @DefaultValue("50") @Min(1) int maxMessagesPerSecond,
        @DefaultValue("256") @Min(16) int signallingQueue) {
}

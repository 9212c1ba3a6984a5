package org.metrohub.portal.media;

import jakarta.validation.Valid;
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
 * @param lastN                each participant receives the video of at most this many others, the most recent
 *                             speakers first (-1: everyone's); audio always comes from everyone
 * @param keyframeInterval     fewest time between two keyframe requests to one sender
 * @param joinTimeout          a signalling socket must join within this
 * @param maxMessagesPerSecond signalling messages a socket may send per second (bursts of twice that)
 * @param signallingQueue      messages queued for a slow browser before its session is closed
 * @param control              the node's control API over HTTP for other processes (off by default)
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
        @DefaultValue("25") @Min(-1) int lastN,
        @DefaultValue("300ms") @NotNull Duration keyframeInterval,
        @DefaultValue("15s") @NotNull Duration joinTimeout,
        @DefaultValue("50") @Min(1) int maxMessagesPerSecond,
        @DefaultValue("256") @Min(16) int signallingQueue,
        @DefaultValue @Valid Control control) {

    /**
     * The in-process node's control API over HTTP/JSON ({@code ControlHttpServer}), for a portal or operator in
     * another process. Listens on 127.0.0.1 only.
     *
     * @param port   0: off; else the TCP port on 127.0.0.1
     * @param secret the bearer token callers present, at least 32 characters; required when the port is set;
     *               never logged
     */
    public record Control(@DefaultValue("0") @Min(0) @Max(65535) int port, String secret) {

        static final int MIN_SECRET = 32;

        public Control {
            if (port != 0 && (secret == null || secret.isBlank() || secret.length() < MIN_SECRET)) {
                throw new IllegalArgumentException("metrohub.media.control.secret must be set to at least "
                        + MIN_SECRET + " characters when metrohub.media.control.port is set");
            }
        }

        public boolean enabled() {
            return port != 0;
        }

        @Override
        public String toString() {
            return "Control[port=" + port + ", secret=" + (secret == null ? "unset" : "(hidden)") + "]";
        }
    }
}

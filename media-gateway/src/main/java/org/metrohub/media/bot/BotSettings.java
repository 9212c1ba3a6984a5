package org.metrohub.media.bot;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link BotParticipant} sends and how many remote tracks it can receive at first.
 *
 * @param sendAudio             an Opus-like sendonly section: 50 packets/s (20 ms) of {@code audioPacketSize} bytes
 * @param video                 no video, one VP8 stream announced with {@code a=ssrc}, or rid simulcast q/h/f
 * @param videoPacketsPerSecond packets per second of the top layer (simulcast: each layer sends as many)
 * @param videoPacketSize       RTP bytes (header included, SRTP tag not) of the top layer's packets; simulcast
 *                              layers h and q send a half and a quarter of it
 * @param packetsPerFrame       packets per video frame (frame rate = packets per second / this)
 * @param keyframeInterval      a keyframe every this many frames, and at the next frame after a PLI or FIR
 * @param audioPacketSize       RTP bytes of each audio packet
 * @param receiveAudio          recvonly audio sections in the first offer
 * @param receiveVideo          recvonly video sections in the first offer
 * @param timeout               for ICE and for the DTLS handshake, each
 */
public record BotSettings(boolean sendAudio, VideoMode video, int videoPacketsPerSecond, int videoPacketSize,
                          int packetsPerFrame, int keyframeInterval, int audioPacketSize, int receiveAudio,
                          int receiveVideo, Duration timeout) {

    /** Smallest packet that holds header extensions, a VP8 keyframe header and the send timestamp. */
    public static final int MIN_PACKET = 64;
    /**
     * Largest RTP packet: with a 16-byte SRTP tag, a 1,472-byte datagram. ice4j's shared-port listener reads into
     * 1,472-byte buffers (1,500 MTU − IPv4 − UDP headers) and truncates anything longer, which the node then counts
     * as {@code SRTP_AUTH} (measured: every 1,500-byte datagram). Browsers stay near 1,200 bytes.
     */
    public static final int MAX_PACKET = 1_456;

    /** The video a bot sends. */
    public enum VideoMode { NONE, SINGLE, SIMULCAST }

    public BotSettings {
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(timeout, "timeout");
        if (videoPacketsPerSecond < 1 || videoPacketsPerSecond > 10_000) {
            throw new IllegalArgumentException("videoPacketsPerSecond must be 1–10000: " + videoPacketsPerSecond);
        }
        if (videoPacketSize < 4 * MIN_PACKET || videoPacketSize > MAX_PACKET) {
            throw new IllegalArgumentException("videoPacketSize must be " + 4 * MIN_PACKET + "–" + MAX_PACKET + ": "
                    + videoPacketSize);
        }
        if (audioPacketSize < MIN_PACKET || audioPacketSize > MAX_PACKET) {
            throw new IllegalArgumentException("audioPacketSize must be " + MIN_PACKET + "–" + MAX_PACKET + ": "
                    + audioPacketSize);
        }
        if (packetsPerFrame < 1 || packetsPerFrame > videoPacketsPerSecond) {
            throw new IllegalArgumentException("packetsPerFrame must be 1–videoPacketsPerSecond: " + packetsPerFrame);
        }
        if (keyframeInterval < 1) {
            throw new IllegalArgumentException("keyframeInterval must be positive: " + keyframeInterval);
        }
        if (receiveAudio < 0 || receiveVideo < 0 || receiveAudio + receiveVideo > 60) {
            throw new IllegalArgumentException("receive sections must be 0–60 in all: " + receiveAudio + " audio, "
                    + receiveVideo + " video");
        }
    }

    /** Audio and one VP8 stream: 30 packets/s of 1,000 B in 1-packet frames, a keyframe every 60 frames. */
    public static BotSettings defaults() {
        return new BotSettings(true, VideoMode.SINGLE, 30, 1_000, 1, 60, 100, 0, 0, Duration.ofSeconds(10));
    }

    /** Sends nothing, receives {@code audio} + {@code video} tracks. */
    public static BotSettings receiveOnly(int audio, int video) {
        return defaults().withAudio(false).withVideo(VideoMode.NONE).withReceive(audio, video);
    }

    public BotSettings withAudio(boolean send) {
        return new BotSettings(send, video, videoPacketsPerSecond, videoPacketSize, packetsPerFrame, keyframeInterval,
                audioPacketSize, receiveAudio, receiveVideo, timeout);
    }

    public BotSettings withVideo(VideoMode mode) {
        return new BotSettings(sendAudio, mode, videoPacketsPerSecond, videoPacketSize, packetsPerFrame,
                keyframeInterval, audioPacketSize, receiveAudio, receiveVideo, timeout);
    }

    /** Video rate: {@code packetsPerSecond} packets of {@code packetSize} bytes, {@code perFrame} per frame. */
    public BotSettings withVideoRate(int packetsPerSecond, int packetSize, int perFrame) {
        return new BotSettings(sendAudio, video, packetsPerSecond, packetSize, perFrame, keyframeInterval,
                audioPacketSize, receiveAudio, receiveVideo, timeout);
    }

    public BotSettings withKeyframeInterval(int frames) {
        return new BotSettings(sendAudio, video, videoPacketsPerSecond, videoPacketSize, packetsPerFrame, frames,
                audioPacketSize, receiveAudio, receiveVideo, timeout);
    }

    public BotSettings withReceive(int audio, int video) {
        return new BotSettings(sendAudio, this.video, videoPacketsPerSecond, videoPacketSize, packetsPerFrame,
                keyframeInterval, audioPacketSize, audio, video, timeout);
    }

    public BotSettings withTimeout(Duration timeout) {
        return new BotSettings(sendAudio, video, videoPacketsPerSecond, videoPacketSize, packetsPerFrame,
                keyframeInterval, audioPacketSize, receiveAudio, receiveVideo, timeout);
    }
}

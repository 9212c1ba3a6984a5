package org.metrohub.media.sfu.speaker;

import org.metrohub.media.rtp.HeaderExtensions;
import org.metrohub.media.rtp.RtpPacket;

/**
 * The client-to-mixer audio level header extension (RFC 6464 §3, {@code urn:ietf:params:rtp-hdrext:ssrc-audio-level}):
 * one byte, V (the sender's voice activity flag) in the top bit and the level in the low 7 bits, in -dBov
 * (0 = loudest, 127 = silence, RFC 6464 §3). Reading it allocates nothing: the extension comes back as the raw
 * byte packed in an {@code int}.
 */
public final class AudioLevel {
    /** {@link #read}'s answer when the packet has no audio level (or an empty element). */
    public static final int NONE = -1;
    /** The level of digital silence, -127 dBov. */
    public static final int SILENCE = 127;

    private AudioLevel() {
    }

    /**
     * The raw RFC 6464 byte (0–255) of extension {@code extensionId} in {@code packet}, or {@link #NONE}. The
     * packet must have passed {@link RtpPacket#check}. An element longer than one byte (some senders pad it)
     * is read by its first byte, as RFC 6464 §3 defines only that one.
     */
    public static int read(RtpPacket packet, int extensionId) {
        long ref = packet.findExtension(extensionId);
        if (ref < 0 || HeaderExtensions.length(ref) < 1) {
            return NONE;
        }
        return packet.buffer()[HeaderExtensions.offset(ref)] & 0xFF;
    }

    /** The level in -dBov, 0–127, of a raw byte from {@link #read}. */
    public static int level(int raw) {
        return raw & 0x7F;
    }

    /** The V bit of a raw byte from {@link #read}: the sender's voice activity detector thinks this is speech. */
    public static boolean voiceActivity(int raw) {
        return (raw & 0x80) != 0;
    }
}

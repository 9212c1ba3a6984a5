package org.metrohub.media.rtp;

/** A Picture Loss Indication (RFC 4585 §6.3.1: PSFB, FMT 1): "send me a keyframe", and its writer. */
public final class PliPacket {
    public static final int FORMAT = 1;
    public static final int LENGTH = 12;

    private PliPacket() {
    }

    /** Whether {@code b[at, at + length)} is a PLI. */
    public static ParseStatus check(byte[] b, int at, int length) {
        return RtcpHeader.check(b, at, length, RtcpHeader.PSFB, FORMAT, LENGTH);
    }

    public static int senderSsrc(byte[] b, int at) {
        return Bytes.s32(b, at + 4);
    }

    /** The SSRC of the stream that needs a keyframe. */
    public static int mediaSsrc(byte[] b, int at) {
        return Bytes.s32(b, at + 8);
    }

    /** Writes a PLI; returns {@link #LENGTH}, or -1 if the buffer lacks room. */
    public static int write(byte[] b, int at, int senderSsrc, int mediaSsrc) {
        if (at + LENGTH > b.length) {
            return -1;
        }
        RtcpHeader.write(b, at, FORMAT, RtcpHeader.PSFB, LENGTH);
        Bytes.put32(b, at + 4, senderSsrc);
        Bytes.put32(b, at + 8, mediaSsrc);
        return LENGTH;
    }
}

package org.metrohub.media.rtp;

/**
 * The four-byte header every RTCP packet starts with (RFC 3550 §6.4): V, P, a five-bit count (RC, SC or
 * feedback FMT), packet type and length in 32-bit words minus one. Static reads, a check and a writer.
 */
public final class RtcpHeader {
    public static final int SR = 200;
    public static final int RR = 201;
    public static final int SDES = 202;
    public static final int BYE = 203;
    /** Transport-layer feedback (RFC 4585): NACK, transport-wide CC. */
    public static final int RTPFB = 205;
    /** Payload-specific feedback (RFC 4585): PLI, FIR, REMB. */
    public static final int PSFB = 206;

    public static final int LENGTH = 4;

    private RtcpHeader() {
    }

    /** RC, SC or FMT, depending on the packet type. */
    public static int count(byte[] b, int at) {
        return b[at] & 0x1F;
    }

    public static int packetType(byte[] b, int at) {
        return b[at + 1] & 0xFF;
    }

    /** The whole packet's length in bytes, from its length field. */
    public static int packetLength(byte[] b, int at) {
        return (Bytes.u16(b, at + 2) + 1) * 4;
    }

    public static int paddingLength(byte[] b, int at) {
        return (b[at] & 0x20) != 0 ? b[at + packetLength(b, at) - 1] & 0xFF : 0;
    }

    /** The packet's bytes without trailing padding. */
    public static int contentLength(byte[] b, int at) {
        return packetLength(b, at) - paddingLength(b, at);
    }

    /** Whether one packet's header, length and padding fit in {@code available} bytes. */
    public static ParseStatus check(byte[] b, int at, int available) {
        if (at < 0 || available < LENGTH || at + available > b.length) {
            return ParseStatus.TOO_SHORT;
        }
        if ((b[at] & 0xC0) != 0x80) {
            return ParseStatus.BAD_VERSION;
        }
        int length = packetLength(b, at);
        if (length > available) {
            return ParseStatus.LENGTH_OVERRUN;
        }
        if ((b[at] & 0x20) != 0) {
            int padding = b[at + length - 1] & 0xFF;
            if (padding == 0 || padding > length - LENGTH) {
                return ParseStatus.BAD_PADDING;
            }
        }
        return ParseStatus.OK;
    }

    /**
     * {@link #check}, then that the packet has type {@code type}, count/FMT {@code format} (-1: any) and at
     * least {@code minContent} bytes before its padding.
     */
    public static ParseStatus check(byte[] b, int at, int available, int type, int format, int minContent) {
        ParseStatus status = check(b, at, available);
        if (status != ParseStatus.OK) {
            return status;
        }
        if (packetType(b, at) != type || (format >= 0 && count(b, at) != format)) {
            return ParseStatus.WRONG_TYPE;
        }
        return contentLength(b, at) < minContent ? ParseStatus.TRUNCATED_BODY : ParseStatus.OK;
    }

    /** Writes a header without padding for a packet of {@code length} bytes (a multiple of four). */
    public static void write(byte[] b, int at, int count, int type, int length) {
        b[at] = (byte) (0x80 | (count & 0x1F));
        b[at + 1] = (byte) type;
        Bytes.put16(b, at + 2, length / 4 - 1);
    }
}

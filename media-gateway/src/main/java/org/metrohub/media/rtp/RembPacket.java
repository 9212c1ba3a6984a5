package org.metrohub.media.rtp;

/**
 * Receiver Estimated Maximum Bitrate (draft-alvestrand-rmcat-remb: PSFB, FMT 15, identifier "REMB") and its
 * writer. The bitrate is an 18-bit mantissa times two to a 6-bit exponent, in bits per second.
 */
public final class RembPacket {
    public static final int FORMAT = 15;
    private static final int IDENTIFIER = 'R' << 24 | 'E' << 16 | 'M' << 8 | 'B';
    private static final int SSRCS = 20;
    private static final int MAX_MANTISSA = (1 << 18) - 1;

    private byte[] buffer;
    private int offset;

    /** Points this view at one REMB; WRONG_TYPE for another application-layer feedback. */
    public ParseStatus wrap(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        ParseStatus status = RtcpHeader.check(buffer, offset, length, RtcpHeader.PSFB, FORMAT, SSRCS);
        if (status != ParseStatus.OK) {
            return status;
        }
        if (Bytes.s32(buffer, offset + 12) != IDENTIFIER) {
            return ParseStatus.WRONG_TYPE;
        }
        return SSRCS + 4 * ssrcCount() > RtcpHeader.contentLength(buffer, offset)
                ? ParseStatus.TRUNCATED_BODY : ParseStatus.OK;
    }

    public int senderSsrc() {
        return Bytes.s32(buffer, offset + 4);
    }

    /** The estimate in bits per second, saturating at {@link Long#MAX_VALUE}. */
    public long bitrate() {
        int exponent = (buffer[offset + 17] & 0xFC) >>> 2;
        long mantissa = (buffer[offset + 17] & 0x03) << 16 | Bytes.u16(buffer, offset + 18);
        return exponent > 63 - 18 && mantissa >>> (63 - exponent) != 0 ? Long.MAX_VALUE : mantissa << exponent;
    }

    public int ssrcCount() {
        return buffer[offset + 16] & 0xFF;
    }

    public int ssrc(int index) {
        return Bytes.s32(buffer, offset + SSRCS + 4 * index);
    }

    /**
     * Writes a REMB for {@code ssrcs[0, count)}; a bitrate needing more than 18 bits is rounded down to what
     * the mantissa holds. Returns the packet's length, or -1 if the buffer lacks room.
     */
    public static int write(byte[] b, int at, int senderSsrc, long bitrate, int[] ssrcs, int count) {
        int length = SSRCS + 4 * count;
        if (count < 0 || count > 255 || bitrate < 0 || at + length > b.length) {
            return -1;
        }
        int exponent = 0;
        while (bitrate >>> exponent > MAX_MANTISSA) {
            exponent++;
        }
        long mantissa = bitrate >>> exponent;
        RtcpHeader.write(b, at, FORMAT, RtcpHeader.PSFB, length);
        Bytes.put32(b, at + 4, senderSsrc);
        Bytes.put32(b, at + 8, 0);
        Bytes.put32(b, at + 12, IDENTIFIER);
        b[at + 16] = (byte) count;
        Bytes.put24(b, at + 17, exponent << 18 | (int) mantissa);
        for (int i = 0; i < count; i++) {
            Bytes.put32(b, at + SSRCS + 4 * i, ssrcs[i]);
        }
        return length;
    }
}

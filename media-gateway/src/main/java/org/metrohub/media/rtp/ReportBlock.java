package org.metrohub.media.rtp;

/** A view of one 24-byte reception report block (RFC 3550 §6.4.1) in an SR or RR, plus its writer. */
public final class ReportBlock {
    public static final int LENGTH = 24;

    private byte[] buffer;
    private int offset;

    /** Points this view at a block its container has already bounds-checked. */
    public ReportBlock wrap(byte[] buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /** SSRC of the source this block reports on. */
    public int ssrc() {
        return Bytes.s32(buffer, offset);
    }

    /** Fraction lost since the previous report, in 1/256 units (0–255). */
    public int fractionLost() {
        return buffer[offset + 4] & 0xFF;
    }

    /** Cumulative packets lost: 24-bit signed, negative when duplicates outnumber losses. */
    public int cumulativeLost() {
        return Bytes.s24(buffer, offset + 5);
    }

    /** Extended highest sequence number received: cycles in the high 16 bits, sequence in the low. */
    public long extendedHighestSeq() {
        return Bytes.u32(buffer, offset + 8);
    }

    /** Interarrival jitter in timestamp units. */
    public long jitter() {
        return Bytes.u32(buffer, offset + 12);
    }

    /** Middle 32 bits of the NTP timestamp of the last SR received (LSR). */
    public long lastSr() {
        return Bytes.u32(buffer, offset + 16);
    }

    /** Delay since the last SR, in 1/65536 seconds (DLSR). */
    public long delaySinceLastSr() {
        return Bytes.u32(buffer, offset + 20);
    }

    /** Writes one block at {@code at}; returns {@link #LENGTH}. */
    public static int write(byte[] b, int at, int ssrc, int fractionLost, int cumulativeLost,
            long extendedHighestSeq, long jitter, long lastSr, long delaySinceLastSr) {
        Bytes.put32(b, at, ssrc);
        b[at + 4] = (byte) fractionLost;
        Bytes.put24(b, at + 5, Math.clamp(cumulativeLost, -0x80_0000, 0x7F_FFFF));
        Bytes.put32(b, at + 8, extendedHighestSeq);
        Bytes.put32(b, at + 12, jitter);
        Bytes.put32(b, at + 16, lastSr);
        Bytes.put32(b, at + 20, delaySinceLastSr);
        return LENGTH;
    }

    /**
     * Checks an SR or RR packet whose report blocks start {@code blocksAt} bytes into it: the header, then that
     * the blocks its count announces fit in its length.
     */
    static ParseStatus checkReport(byte[] buffer, int offset, int length, int type, int blocksAt) {
        ParseStatus status = RtcpHeader.check(buffer, offset, length, type, -1, blocksAt);
        if (status == ParseStatus.OK
                && blocksAt + LENGTH * RtcpHeader.count(buffer, offset) > RtcpHeader.contentLength(buffer, offset)) {
            return ParseStatus.TRUNCATED_BODY;
        }
        return status;
    }
}

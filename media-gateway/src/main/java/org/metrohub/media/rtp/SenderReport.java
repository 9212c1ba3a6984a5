package org.metrohub.media.rtp;

/** A view of an RTCP sender report (RFC 3550 §6.4.1): sender info and report blocks. */
public final class SenderReport {
    private static final int BLOCKS = 28;

    private byte[] buffer;
    private int offset;

    /** Points this view at one SR packet; the accessors are valid only when this returns OK. */
    public ParseStatus wrap(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        return ReportBlock.checkReport(buffer, offset, length, RtcpHeader.SR, BLOCKS);
    }

    public int senderSsrc() {
        return Bytes.s32(buffer, offset + 4);
    }

    /** The 64-bit NTP timestamp: seconds since 1900 in the high half, fraction in the low. */
    public long ntpTimestamp() {
        return Bytes.u32(buffer, offset + 8) << 32 | Bytes.u32(buffer, offset + 12);
    }

    /** Middle 32 bits of the NTP timestamp: what a receiver echoes as LSR. */
    public long ntpMiddle32() {
        return ntpTimestamp() >>> 16 & 0xFFFF_FFFFL;
    }

    public long rtpTimestamp() {
        return Bytes.u32(buffer, offset + 16);
    }

    public long packetCount() {
        return Bytes.u32(buffer, offset + 20);
    }

    public long octetCount() {
        return Bytes.u32(buffer, offset + 24);
    }

    public int reportCount() {
        return RtcpHeader.count(buffer, offset);
    }

    /** Points {@code into} at block {@code index} and returns it. */
    public ReportBlock block(int index, ReportBlock into) {
        return into.wrap(buffer, offset + BLOCKS + ReportBlock.LENGTH * index);
    }

    /** Length of an SR without report blocks: header, sender SSRC and sender info (RFC 3550 §6.4.1). */
    public static final int SENDER_INFO_LENGTH = 28;

    /**
     * Writes at {@code dst[dstAt]} an SR without report blocks that keeps the NTP time of the SR at
     * {@code src[srcAt]} (a checked one) and gives it another sender SSRC, RTP timestamp and counts: how a
     * forwarder passes a sender's report on under its own SSRC. Returns {@link #SENDER_INFO_LENGTH}, or -1 if
     * {@code dst} lacks room.
     */
    public static int writeTranslated(byte[] src, int srcAt, byte[] dst, int dstAt, int ssrc, long rtpTimestamp,
            long packetCount, long octetCount) {
        if (dstAt < 0 || dstAt + SENDER_INFO_LENGTH > dst.length) {
            return -1;
        }
        RtcpHeader.write(dst, dstAt, 0, RtcpHeader.SR, SENDER_INFO_LENGTH);
        Bytes.put32(dst, dstAt + 4, ssrc);
        System.arraycopy(src, srcAt + 8, dst, dstAt + 8, 8);
        Bytes.put32(dst, dstAt + 16, rtpTimestamp);
        Bytes.put32(dst, dstAt + 20, packetCount);
        Bytes.put32(dst, dstAt + 24, octetCount);
        return SENDER_INFO_LENGTH;
    }
}

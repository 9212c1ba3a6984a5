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
}

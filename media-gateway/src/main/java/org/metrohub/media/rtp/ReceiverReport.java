package org.metrohub.media.rtp;

/** A view of an RTCP receiver report (RFC 3550 §6.4.2), and its writer. */
public final class ReceiverReport {
    private static final int BLOCKS = 8;

    private byte[] buffer;
    private int offset;

    /** Points this view at one RR packet; the accessors are valid only when this returns OK. */
    public ParseStatus wrap(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        return ReportBlock.checkReport(buffer, offset, length, RtcpHeader.RR, BLOCKS);
    }

    public int senderSsrc() {
        return Bytes.s32(buffer, offset + 4);
    }

    public int reportCount() {
        return RtcpHeader.count(buffer, offset);
    }

    /** Points {@code into} at block {@code index} and returns it. */
    public ReportBlock block(int index, ReportBlock into) {
        return into.wrap(buffer, offset + BLOCKS + ReportBlock.LENGTH * index);
    }

    /**
     * Writes an RR header for {@code blockCount} (0–31) blocks; the caller then writes each block with
     * {@link ReportBlock#write} at {@link #blockOffset}. Returns the whole packet's length, or -1 if the
     * buffer lacks room.
     */
    public static int writeHeader(byte[] b, int at, int senderSsrc, int blockCount) {
        int length = BLOCKS + ReportBlock.LENGTH * blockCount;
        if (blockCount < 0 || blockCount > 31 || at + length > b.length) {
            return -1;
        }
        RtcpHeader.write(b, at, blockCount, RtcpHeader.RR, length);
        Bytes.put32(b, at + 4, senderSsrc);
        return length;
    }

    /** Where block {@code index} of an RR written at {@code at} goes. */
    public static int blockOffset(int at, int index) {
        return at + BLOCKS + ReportBlock.LENGTH * index;
    }
}

package org.metrohub.media.rtp;

/**
 * A Full Intra Request (RFC 5104 §4.3.1: PSFB, FMT 4) and its writer. The header's media SSRC is zero; each
 * FCI entry names a target SSRC and a command sequence number (8 bits, wrapping) so repeats are recognised.
 */
public final class FirPacket {
    public static final int FORMAT = 4;
    private static final int FCI = 12;
    private static final int ENTRY = 8;

    private byte[] buffer;
    private int offset;
    private int entryCount;

    /** Points this view at one FIR packet; the accessors are valid only when this returns OK. */
    public ParseStatus wrap(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.entryCount = 0;
        ParseStatus status = RtcpHeader.check(buffer, offset, length, RtcpHeader.PSFB, FORMAT, FCI + ENTRY);
        if (status == ParseStatus.OK) {
            entryCount = (RtcpHeader.contentLength(buffer, offset) - FCI) / ENTRY;
        }
        return status;
    }

    public int senderSsrc() {
        return Bytes.s32(buffer, offset + 4);
    }

    public int entryCount() {
        return entryCount;
    }

    /** SSRC of the stream that must send a decoder refresh. */
    public int ssrc(int index) {
        return Bytes.s32(buffer, offset + FCI + ENTRY * index);
    }

    /** Command sequence number, 0–255. */
    public int sequenceNumber(int index) {
        return buffer[offset + FCI + ENTRY * index + 4] & 0xFF;
    }

    /** Writes a one-entry FIR; returns its length (20), or -1 if the buffer lacks room. */
    public static int write(byte[] b, int at, int senderSsrc, int targetSsrc, int sequenceNumber) {
        int length = FCI + ENTRY;
        if (at + length > b.length) {
            return -1;
        }
        RtcpHeader.write(b, at, FORMAT, RtcpHeader.PSFB, length);
        Bytes.put32(b, at + 4, senderSsrc);
        Bytes.put32(b, at + 8, 0);
        Bytes.put32(b, at + FCI, targetSsrc);
        Bytes.put32(b, at + FCI + 4, (long) (sequenceNumber & 0xFF) << 24);
        return length;
    }
}

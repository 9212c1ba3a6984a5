package org.metrohub.media.rtp;

/**
 * A view of an RTCP generic NACK (RFC 4585 §6.2.1: RTPFB, FMT 1) and its writer. Each FCI is a PID (the
 * first lost sequence number) and a BLP bitmask whose bit i marks PID + i + 1 lost too.
 */
public final class NackPacket {
    public static final int FORMAT = 1;
    private static final int FCI = 12;

    private byte[] buffer;
    private int offset;
    private int fciCount;

    /** Points this view at one NACK packet; the accessors are valid only when this returns OK. */
    public ParseStatus wrap(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.fciCount = 0;
        ParseStatus status = RtcpHeader.check(buffer, offset, length, RtcpHeader.RTPFB, FORMAT, FCI + 4);
        if (status == ParseStatus.OK) {
            fciCount = (RtcpHeader.contentLength(buffer, offset) - FCI) / 4;
        }
        return status;
    }

    public int senderSsrc() {
        return Bytes.s32(buffer, offset + 4);
    }

    public int mediaSsrc() {
        return Bytes.s32(buffer, offset + 8);
    }

    public int fciCount() {
        return fciCount;
    }

    /**
     * Writes the lost sequence numbers, in FCI order, into {@code out}; returns how many were written (at most
     * {@code out.length}).
     */
    public int lostSequenceNumbers(int[] out) {
        int n = 0;
        for (int i = 0; i < fciCount; i++) {
            int at = offset + FCI + 4 * i;
            int pid = Bytes.u16(buffer, at);
            int blp = Bytes.u16(buffer, at + 2);
            if (n == out.length) {
                return n;
            }
            out[n++] = pid;
            for (int bit = 0; bit < 16 && blp != 0; bit++, blp >>>= 1) {
                if ((blp & 1) != 0) {
                    if (n == out.length) {
                        return n;
                    }
                    out[n++] = SeqNum.add(pid, bit + 1);
                }
            }
        }
        return n;
    }

    /**
     * Writes a NACK for {@code lost[0, count)}, given in sending order (wraparound allowed), packing each run
     * of up to 17 into one FCI. Returns the packet's length, or -1 if the buffer lacks room.
     */
    public static int write(byte[] b, int at, int senderSsrc, int mediaSsrc, int[] lost, int count) {
        int p = at + FCI;
        int i = 0;
        while (i < count) {
            if (p + 4 > b.length) {
                return -1;
            }
            int pid = lost[i] & 0xFFFF;
            int blp = 0;
            int j = i + 1;
            for (; j < count; j++) {
                int d = SeqNum.delta(lost[j], pid);
                if (d < 1 || d > 16) {
                    break;
                }
                blp |= 1 << (d - 1);
            }
            Bytes.put16(b, p, pid);
            Bytes.put16(b, p + 2, blp);
            p += 4;
            i = j;
        }
        if (p == at + FCI || p > b.length) {
            return -1;
        }
        RtcpHeader.write(b, at, FORMAT, RtcpHeader.RTPFB, p - at);
        Bytes.put32(b, at + 4, senderSsrc);
        Bytes.put32(b, at + 8, mediaSsrc);
        return p - at;
    }
}

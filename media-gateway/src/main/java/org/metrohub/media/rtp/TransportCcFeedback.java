package org.metrohub.media.rtp;

/**
 * A view of transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01
 * §3.1: RTPFB, FMT 15). The body is a base sequence number, a packet status count, a 24-bit reference time
 * (64 ms units), a feedback counter, then packet chunks (run-length, or status vectors of 1-bit or 2-bit
 * symbols) and one receive delta per received packet (1 byte unsigned or 2 bytes signed, 250 µs units).
 * {@link #forEach} validates everything before it reports the first packet.
 */
public final class TransportCcFeedback {
    public static final int FORMAT = 15;
    public static final int NOT_RECEIVED = 0;
    public static final int SMALL_DELTA = 1;
    public static final int LARGE_DELTA = 2;
    /** Receive deltas count in 250 µs ticks. */
    public static final int DELTA_TICK_MICROS = 250;

    private static final int CHUNKS = 20;

    /** Receives each packet's status; implement it once per stage, not as a capturing lambda per packet. */
    public interface PacketVisitor {
        /** {@code deltaTicks} is 0 when {@code symbol} is {@link #NOT_RECEIVED}. */
        void packet(int sequenceNumber, int symbol, int deltaTicks);
    }

    private byte[] buffer;
    private int offset;
    private int end;

    /** Points this view at one TWCC packet; the header accessors are valid only when this returns OK. */
    public ParseStatus wrap(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        ParseStatus status = RtcpHeader.check(buffer, offset, length, RtcpHeader.RTPFB, FORMAT, CHUNKS);
        end = status == ParseStatus.OK ? offset + RtcpHeader.contentLength(buffer, offset) : offset;
        return status;
    }

    public int senderSsrc() {
        return Bytes.s32(buffer, offset + 4);
    }

    public int mediaSsrc() {
        return Bytes.s32(buffer, offset + 8);
    }

    public int baseSequenceNumber() {
        return Bytes.u16(buffer, offset + 12);
    }

    public int packetStatusCount() {
        return Bytes.u16(buffer, offset + 14);
    }

    /** Signed, in 64 ms units. */
    public int referenceTime() {
        return Bytes.s24(buffer, offset + 16);
    }

    public long referenceTimeMicros() {
        return referenceTime() * 64_000L;
    }

    /** Feedback packet count, 0–255, wrapping. */
    public int feedbackCount() {
        return buffer[offset + 19] & 0xFF;
    }

    /**
     * Reports each of the {@link #packetStatusCount} packets, in sequence order, to {@code visitor}; reports
     * none and returns the reason when the chunks or deltas overrun the packet or use the reserved symbol.
     */
    public ParseStatus forEach(PacketVisitor visitor) {
        int deltaBytes = 0;
        int left = packetStatusCount();
        int p = offset + CHUNKS;
        while (left > 0) {
            if (p + 2 > end) {
                return ParseStatus.TRUNCATED_BODY;
            }
            int chunk = Bytes.u16(buffer, p);
            p += 2;
            int take = Math.min(left, StatusChunk.symbolCount(chunk));
            if (StatusChunk.isRunLength(chunk)) {
                int symbol = StatusChunk.symbol(chunk, 0);
                if (symbol == 3) {
                    return ParseStatus.BAD_FIELD;
                }
                deltaBytes += symbol * take; // a symbol's value is its delta's size in bytes
            } else {
                for (int k = 0; k < take; k++) {
                    int symbol = StatusChunk.symbol(chunk, k);
                    if (symbol == 3) {
                        return ParseStatus.BAD_FIELD;
                    }
                    deltaBytes += symbol;
                }
            }
            left -= take;
        }
        if (p + deltaBytes > end) {
            return ParseStatus.TRUNCATED_BODY;
        }
        report(visitor, p);
        return ParseStatus.OK;
    }

    private void report(PacketVisitor visitor, int deltas) {
        int seq = baseSequenceNumber();
        int left = packetStatusCount();
        int p = offset + CHUNKS;
        int d = deltas;
        while (left > 0) {
            int chunk = Bytes.u16(buffer, p);
            p += 2;
            int take = Math.min(left, StatusChunk.symbolCount(chunk));
            for (int k = 0; k < take; k++) {
                int symbol = StatusChunk.symbol(chunk, k);
                int delta = 0;
                if (symbol == SMALL_DELTA) {
                    delta = buffer[d] & 0xFF;
                } else if (symbol == LARGE_DELTA) {
                    delta = (short) Bytes.u16(buffer, d);
                }
                d += symbol;
                visitor.packet(seq, symbol, delta);
                seq = SeqNum.add(seq, 1);
            }
            left -= take;
        }
    }
}

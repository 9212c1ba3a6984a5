package org.metrohub.media.sfu.bwe;

import java.io.ByteArrayOutputStream;

/**
 * Writes transport-wide CC feedback as a receiver does (draft-holmer-rmcat-transport-wide-cc-extensions-01
 * §3.1): RTPFB header (FMT 15, PT 205), sender and media SSRC, base sequence number, packet status count,
 * 24-bit reference time in 64 ms units, feedback packet count, then chunks (run-length for runs of 14 or more
 * equal symbols, otherwise 2-bit status vectors of 7), receive deltas in 250 µs ticks (1 byte 0–255, else
 * 2 bytes signed) relative to the previous received packet (the first one to the reference time), and
 * padding to 32 bits with the P bit. Arrival times are quantised as a receiver does, without drift.
 */
final class TwccFeedbackWriter {
    static final int NOT_RECEIVED = 0;
    static final int SMALL = 1;
    static final int LARGE = 2;

    private TwccFeedbackWriter() {
    }

    /**
     * Feedback for {@code count} consecutive sequence numbers from {@code baseSeq}; {@code arrivalMicros[i]}
     * is the arrival time on the receiver's clock of packet {@code i}, or {@code Long.MIN_VALUE} if lost.
     */
    static byte[] write(int baseSeq, long[] arrivalMicros, int count, int feedbackCount) {
        int[] symbols = new int[count];
        int[] ticks = new int[count];
        long firstArrival = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            if (arrivalMicros[i] != Long.MIN_VALUE) {
                firstArrival = arrivalMicros[i];
                break;
            }
        }
        long reference = firstArrival == Long.MIN_VALUE ? 0 : Math.floorDiv(firstArrival, 64_000L);
        long last = reference * 64_000L;
        for (int i = 0; i < count; i++) {
            if (arrivalMicros[i] == Long.MIN_VALUE) {
                symbols[i] = NOT_RECEIVED;
                continue;
            }
            int t = (int) Math.round((arrivalMicros[i] - last) / 250.0);
            if (t < Short.MIN_VALUE || t > Short.MAX_VALUE) {
                throw new IllegalArgumentException("delta too large for one feedback: " + t);
            }
            ticks[i] = t;
            symbols[i] = t >= 0 && t <= 255 ? SMALL : LARGE;
            last += t * 250L;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0); // header, patched below
        out.write(205);
        out.write(0);
        out.write(0);
        put32(out, 0x11223344); // sender SSRC
        put32(out, 0x55667788); // media SSRC
        put16(out, baseSeq & 0xFFFF);
        put16(out, count);
        out.write((int) (reference >> 16) & 0xFF);
        out.write((int) (reference >> 8) & 0xFF);
        out.write((int) reference & 0xFF);
        out.write(feedbackCount & 0xFF);
        int i = 0;
        while (i < count) {
            int run = 1;
            while (i + run < count && symbols[i + run] == symbols[i] && run < 8191) {
                run++;
            }
            if (run >= 14) {
                put16(out, symbols[i] << 13 | run); // run-length chunk: bit 15 = 0
                i += run;
            } else {
                int chunk = 0xC000; // status vector, 2-bit symbols
                for (int k = 0; k < 7; k++) {
                    int s = i + k < count ? symbols[i + k] : NOT_RECEIVED;
                    chunk |= s << (12 - 2 * k);
                }
                put16(out, chunk);
                i += 7;
            }
        }
        for (int k = 0; k < count; k++) {
            if (symbols[k] == SMALL) {
                out.write(ticks[k]);
            } else if (symbols[k] == LARGE) {
                put16(out, ticks[k]);
            }
        }
        int padding = (4 - out.size() % 4) % 4;
        for (int k = 0; k < padding; k++) {
            out.write(k == padding - 1 ? padding : 0);
        }
        byte[] packet = out.toByteArray();
        packet[0] = (byte) (0x80 | (padding > 0 ? 0x20 : 0) | 15);
        int words = packet.length / 4 - 1;
        packet[2] = (byte) (words >> 8);
        packet[3] = (byte) words;
        return packet;
    }

    private static void put16(ByteArrayOutputStream out, int v) {
        out.write(v >> 8 & 0xFF);
        out.write(v & 0xFF);
    }

    private static void put32(ByteArrayOutputStream out, int v) {
        put16(out, v >>> 16);
        put16(out, v & 0xFFFF);
    }
}

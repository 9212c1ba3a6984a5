package org.metrohub.media.rtp;

/** RFC 3550 16-bit sequence number arithmetic: comparisons and distances that survive wraparound. */
public final class SeqNum {
    private SeqNum() {
    }

    /**
     * Signed distance from {@code b} to {@code a} in the range [-32768, 32767]: positive when {@code a} comes
     * after {@code b}. {@code delta(2, 65534) == 4}.
     */
    public static int delta(int a, int b) {
        return (short) (a - b);
    }

    /** Whether {@code a} comes after {@code b}, accounting for wraparound at 65536. */
    public static boolean isNewer(int a, int b) {
        return delta(a, b) > 0;
    }

    /** {@code seq + n} modulo 65536; {@code n} may be negative. */
    public static int add(int seq, int n) {
        return (seq + n) & 0xFFFF;
    }
}

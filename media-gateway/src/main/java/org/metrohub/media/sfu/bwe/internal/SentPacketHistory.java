package org.metrohub.media.sfu.bwe.internal;

/**
 * The packets sent on one transport, by transport-wide sequence number, in a ring of parallel arrays: send
 * time, size, and what feedback has said about each. A slot belongs to a sequence number only while it holds
 * that number, so feedback for a packet the ring has already forgotten (or never sent) finds nothing.
 */
public final class SentPacketHistory {
    /** No feedback has mentioned the packet yet. */
    public static final byte UNREPORTED = 0;
    /** Feedback said it was not received (it may still be reported received later). */
    public static final byte REPORTED_LOST = 1;
    /** Feedback said it was received; later reports of it are duplicates. */
    public static final byte RECEIVED = 2;

    private static final int EMPTY = -1;

    private final int mask;
    private final int[] seqs;
    private final long[] sendNanos;
    private final int[] sizes;
    private final byte[] states;

    public SentPacketHistory(int capacity) {
        if (Integer.bitCount(capacity) != 1 || capacity > 65536) {
            throw new IllegalArgumentException("capacity must be a power of two <= 65536: " + capacity);
        }
        mask = capacity - 1;
        seqs = new int[capacity];
        sendNanos = new long[capacity];
        sizes = new int[capacity];
        states = new byte[capacity];
        java.util.Arrays.fill(seqs, EMPTY);
    }

    public void add(int seq, long sendTimeNanos, int size) {
        int slot = seq & mask;
        seqs[slot] = seq & 0xFFFF;
        sendNanos[slot] = sendTimeNanos;
        sizes[slot] = size;
        states[slot] = UNREPORTED;
    }

    /** The slot holding {@code seq}, or -1 when the packet is unknown or forgotten. */
    public int slot(int seq) {
        int slot = seq & mask;
        return seqs[slot] == seq ? slot : -1;
    }

    public long sendNanos(int slot) {
        return sendNanos[slot];
    }

    public int size(int slot) {
        return sizes[slot];
    }

    public byte state(int slot) {
        return states[slot];
    }

    public void setState(int slot, byte state) {
        states[slot] = state;
    }
}

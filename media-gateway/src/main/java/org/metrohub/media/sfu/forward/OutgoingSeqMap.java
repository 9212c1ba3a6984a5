package org.metrohub.media.sfu.forward;

/**
 * Which incoming packet an outgoing sequence number stands for: a fixed ring of {@link #CAPACITY} entries
 * indexed by the outgoing sequence number's low bits, for the NACK path (a receiver NACKs our numbers, the
 * packet cache and the sender know theirs).
 *
 * <p>The rewriter records every outgoing number it assigns, including the gaps a sender's own losses leave
 * inside one epoch (they map linearly, so a NACK for one can go upstream). An entry is one {@code long}:
 * incoming SSRC (32 bits), outgoing sequence number (16), incoming sequence number (16); a look-up answers only
 * when the stored outgoing number is the one asked for, so an entry overwritten by a newer number (more than
 * {@link #CAPACITY} packets ago) or never written reads as unknown. 4 KiB per rewriter.
 */
final class OutgoingSeqMap {
    static final int CAPACITY = 512;
    private static final int MASK = CAPACITY - 1;

    private final long[] entries = new long[CAPACITY];

    OutgoingSeqMap() {
        // Slot i only ever holds outgoing numbers equal to i modulo CAPACITY; i + 1 never is, so it reads as empty.
        for (int i = 0; i < CAPACITY; i++) {
            entries[i] = (long) (i + 1) << 16;
        }
    }

    void put(int outgoingSeq, int incomingSsrc, int incomingSeq) {
        entries[outgoingSeq & MASK] = (long) incomingSsrc << 32 | (long) (outgoingSeq & 0xFFFF) << 16
                | incomingSeq & 0xFFFF;
    }

    /** The incoming packet as {@code ssrc << 32 | seq}, or -1 when not (or no longer) known. */
    long get(int outgoingSeq) {
        long e = entries[outgoingSeq & MASK];
        if ((int) (e >>> 16 & 0xFFFF) != (outgoingSeq & 0xFFFF)) {
            return -1;
        }
        return e & 0xFFFF_FFFF_0000_0000L | e & 0xFFFF;
    }
}

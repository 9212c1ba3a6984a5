package org.metrohub.media.rtp;

/**
 * The 16-bit packet status chunks of transport-wide CC feedback. Bit 15 clear: a run-length chunk, a 2-bit
 * symbol (bits 14–13) repeated a 13-bit count of times. Bit 15 set: a status vector, fourteen 1-bit symbols
 * (bit 14 clear) or seven 2-bit symbols (bit 14 set), first symbol in the highest bits.
 */
final class StatusChunk {
    private StatusChunk() {
    }

    static boolean isRunLength(int chunk) {
        return (chunk & 0x8000) == 0;
    }

    static int symbolCount(int chunk) {
        if (isRunLength(chunk)) {
            return chunk & 0x1FFF;
        }
        return (chunk & 0x4000) == 0 ? 14 : 7;
    }

    /** Symbol {@code index}: 0 not received, 1 small delta, 2 large or negative delta, 3 reserved. */
    static int symbol(int chunk, int index) {
        if (isRunLength(chunk)) {
            return (chunk >>> 13) & 0x03;
        }
        if ((chunk & 0x4000) == 0) {
            return (chunk >>> (13 - index)) & 0x01;
        }
        return (chunk >>> (12 - 2 * index)) & 0x03;
    }

    /** A run-length chunk of {@code count} (at most 8191) {@code symbol}s. */
    static int runLength(int symbol, int count) {
        return (symbol & 0x03) << 13 | (count & 0x1FFF);
    }

    /** A status vector of 1-bit symbols {@code symbols[0, count)}, count at most 14, each 0 or 1. */
    static int oneBitVector(int[] symbols, int count) {
        int chunk = 0x8000;
        for (int i = 0; i < count; i++) {
            chunk |= (symbols[i] & 0x01) << (13 - i);
        }
        return chunk;
    }

    /** A status vector of 2-bit symbols {@code symbols[0, count)}, count at most 7. */
    static int twoBitVector(int[] symbols, int count) {
        int chunk = 0xC000;
        for (int i = 0; i < count; i++) {
            chunk |= (symbols[i] & 0x03) << (12 - 2 * i);
        }
        return chunk;
    }
}

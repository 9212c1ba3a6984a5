package org.metrohub.media.rtp;

/**
 * Writes transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1),
 * the packet {@link TransportCcFeedback} reads. One instance is reused: {@link #begin} a packet, {@link
 * #addReceived} each received packet in sequence order (the sequence numbers skipped since the previous one are
 * reported not received), then {@link #finish} into a buffer. Chunks are chosen greedily: a run-length chunk
 * while one symbol repeats, else a status vector of fourteen 1-bit symbols when none needs a large delta, else
 * one of seven 2-bit symbols. The body is padded to 32 bits with the P bit set, as libwebrtc does. Buffers are
 * sized once for the largest packet; nothing is allocated per packet.
 */
public final class TransportCcWriter {
    private static final int CHUNKS = 20;
    private static final int MAX_RUN = 0x1FFF;
    private static final int ONE_BIT_SYMBOLS = 14;
    private static final int TWO_BIT_SYMBOLS = 7;
    private static final int MAX_STATUS_COUNT = 0xFFFF;

    private final int capacity;
    private final int[] chunks;
    private final byte[] deltas;
    /** Symbols not yet in {@link #chunks}; only the first is kept once a run passes fourteen. */
    private final int[] pending = new int[ONE_BIT_SYMBOLS];
    private final int[] savedPending = new int[ONE_BIT_SYMBOLS];

    private int senderSsrc;
    private int mediaSsrc;
    private int baseSequenceNumber;
    private int referenceTime;
    private int feedbackCount;
    private int maxLength;

    private int statusCount;
    private int chunkCount;
    private int deltaBytes;
    private int size;
    private boolean allSame;
    private boolean hasLarge;

    /** A writer for packets of at most {@code capacity} bytes (at least the 24 of one packet). */
    public TransportCcWriter(int capacity) {
        if (capacity < CHUNKS + 4) {
            throw new IllegalArgumentException("capacity " + capacity + " < " + (CHUNKS + 4));
        }
        this.capacity = capacity;
        // addReceived may run a few chunks past the limit before it rolls back
        this.chunks = new int[capacity / 2 + 16];
        this.deltas = new byte[capacity];
    }

    /**
     * Starts a packet: {@code referenceTime} in 64 ms units (24 bits kept), {@code feedbackCount} (8 bits kept),
     * at most {@code maxLength} bytes with padding.
     */
    public void begin(int senderSsrc, int mediaSsrc, int baseSequenceNumber, int referenceTime,
            int feedbackCount, int maxLength) {
        if (maxLength < CHUNKS + 4 || maxLength > capacity) {
            throw new IllegalArgumentException("maxLength " + maxLength + " outside [24, " + capacity + "]");
        }
        this.senderSsrc = senderSsrc;
        this.mediaSsrc = mediaSsrc;
        this.baseSequenceNumber = baseSequenceNumber & 0xFFFF;
        this.referenceTime = referenceTime & 0xFF_FFFF;
        this.feedbackCount = feedbackCount & 0xFF;
        this.maxLength = maxLength;
        statusCount = 0;
        chunkCount = 0;
        deltaBytes = 0;
        size = 0;
        allSame = true;
        hasLarge = false;
    }

    /**
     * Adds received packet {@code sequenceNumber}, at or after the next one expected, arrived {@code deltaTicks}
     * 250 µs ticks after the previous received one (after the reference time for the first). Returns false, and
     * changes nothing, when the delta does not fit 16 signed bits or the packet would outgrow {@code maxLength}
     * or 65535 statuses: finish this packet and begin another.
     */
    public boolean addReceived(int sequenceNumber, int deltaTicks) {
        if (deltaTicks < Short.MIN_VALUE || deltaTicks > Short.MAX_VALUE) {
            return false;
        }
        int gap = (sequenceNumber - baseSequenceNumber - statusCount) & 0xFFFF;
        if (statusCount + gap + 1 > MAX_STATUS_COUNT) {
            return false;
        }
        int symbol = deltaTicks >= 0 && deltaTicks <= 0xFF
                ? TransportCcFeedback.SMALL_DELTA : TransportCcFeedback.LARGE_DELTA;
        int savedChunks = chunkCount;
        int savedSize = size;
        boolean savedAllSame = allSame;
        boolean savedHasLarge = hasLarge;
        System.arraycopy(pending, 0, savedPending, 0, ONE_BIT_SYMBOLS);

        add(TransportCcFeedback.NOT_RECEIVED, gap);
        add(symbol, 1);
        if (lengthWith(deltaBytes + symbol) > maxLength) {
            chunkCount = savedChunks;
            size = savedSize;
            allSame = savedAllSame;
            hasLarge = savedHasLarge;
            System.arraycopy(savedPending, 0, pending, 0, ONE_BIT_SYMBOLS);
            return false;
        }
        if (symbol == TransportCcFeedback.SMALL_DELTA) {
            deltas[deltaBytes] = (byte) deltaTicks;
        } else {
            Bytes.put16(deltas, deltaBytes, deltaTicks);
        }
        deltaBytes += symbol;
        statusCount += gap + 1;
        return true;
    }

    /** Packets covered so far, received or not. */
    public int packetStatusCount() {
        return statusCount;
    }

    /** The packet's length if finished now, padding included. */
    public int length() {
        return lengthWith(deltaBytes);
    }

    /**
     * Writes the packet at {@code b[at]}; returns its length, or -1 when nothing was added or the buffer lacks
     * room. The writer keeps its state, so a failed finish can be retried into a larger buffer.
     */
    public int finish(byte[] b, int at) {
        int length = length();
        if (statusCount == 0 || at < 0 || at + length > b.length) {
            return -1;
        }
        RtcpHeader.write(b, at, TransportCcFeedback.FORMAT, RtcpHeader.RTPFB, length);
        Bytes.put32(b, at + 4, senderSsrc);
        Bytes.put32(b, at + 8, mediaSsrc);
        Bytes.put16(b, at + 12, baseSequenceNumber);
        Bytes.put16(b, at + 14, statusCount);
        Bytes.put24(b, at + 16, referenceTime);
        b[at + 19] = (byte) feedbackCount;
        int p = at + CHUNKS;
        for (int i = 0; i < chunkCount; i++, p += 2) {
            Bytes.put16(b, p, chunks[i]);
        }
        if (size > 0) {
            Bytes.put16(b, p, pendingChunk());
            p += 2;
        }
        System.arraycopy(deltas, 0, b, p, deltaBytes);
        p += deltaBytes;
        int padding = at + length - p;
        if (padding > 0) {
            b[at] |= 0x20;
            for (int i = p; i < at + length - 1; i++) {
                b[i] = 0;
            }
            b[at + length - 1] = (byte) padding;
        }
        return length;
    }

    private int lengthWith(int deltaLength) {
        int unpadded = CHUNKS + 2 * (chunkCount + (size > 0 ? 1 : 0)) + deltaLength;
        return (unpadded + 3) & ~3;
    }

    private void add(int symbol, int count) {
        while (count > 0) {
            if (size >= ONE_BIT_SYMBOLS && allSame && symbol == pending[0] && size < MAX_RUN) {
                int take = Math.min(count, MAX_RUN - size); // a long run: extend it in one step
                size += take;
                count -= take;
                continue;
            }
            if (!canAdd(symbol)) {
                emit();
            }
            if (size < ONE_BIT_SYMBOLS) {
                pending[size] = symbol;
            }
            allSame = size == 0 || (allSame && symbol == pending[0]);
            hasLarge |= symbol == TransportCcFeedback.LARGE_DELTA;
            size++;
            count--;
        }
    }

    private boolean canAdd(int symbol) {
        if (size < TWO_BIT_SYMBOLS) {
            return true;
        }
        if (size < ONE_BIT_SYMBOLS && !hasLarge && symbol != TransportCcFeedback.LARGE_DELTA) {
            return true;
        }
        return allSame && symbol == pending[0] && size < MAX_RUN;
    }

    /** Moves the pending symbols that make a full chunk into {@link #chunks}; called only when one cannot grow. */
    private void emit() {
        if (allSame) {
            chunks[chunkCount++] = StatusChunk.runLength(pending[0], size);
            size = 0;
        } else if (size == ONE_BIT_SYMBOLS) { // never holds a large delta: see canAdd
            chunks[chunkCount++] = StatusChunk.oneBitVector(pending, ONE_BIT_SYMBOLS);
            size = 0;
        } else {
            chunks[chunkCount++] = StatusChunk.twoBitVector(pending, TWO_BIT_SYMBOLS);
            size -= TWO_BIT_SYMBOLS;
            System.arraycopy(pending, TWO_BIT_SYMBOLS, pending, 0, size);
        }
        allSame = true;
        hasLarge = false;
        for (int i = 0; i < size; i++) {
            allSame &= pending[i] == pending[0];
            hasLarge |= pending[i] == TransportCcFeedback.LARGE_DELTA;
        }
    }

    /** The one chunk that holds the pending symbols: see {@link #canAdd} for why one always suffices. */
    private int pendingChunk() {
        if (allSame) {
            return StatusChunk.runLength(pending[0], size);
        }
        return size <= TWO_BIT_SYMBOLS
                ? StatusChunk.twoBitVector(pending, size)
                : StatusChunk.oneBitVector(pending, size);
    }
}

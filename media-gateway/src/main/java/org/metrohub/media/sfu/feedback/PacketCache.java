package org.metrohub.media.sfu.feedback;

import java.util.Arrays;
import org.metrohub.media.rtp.RtpPacket;
import org.metrohub.media.rtp.SeqNum;

/**
 * The packets one outgoing stream sent recently, kept to answer NACKs: copies of the plaintext RTP (after
 * rewriting, before SRTP) in one preallocated array, a slot per sequence number modulo the capacity. A packet is
 * found while no later packet took its slot and it is younger than the age limit. Owned by the stream's send
 * thread; nothing is allocated after construction.
 */
public final class PacketCache {
    public static final int DEFAULT_CAPACITY = 512;
    public static final int DEFAULT_MAX_PACKET_LENGTH = 1500;
    public static final long DEFAULT_MAX_AGE_NANOS = 1_000_000_000L;

    /** {@link #lookup} result: no packet with that sequence number is held. */
    public static final int NOT_FOUND = -1;
    /** {@link #lookup} result: the packet is held but older than the age limit. */
    public static final int EXPIRED = -2;

    private static final int EMPTY = -1;

    private final int mask;
    private final int maxPacketLength;
    private final long maxAgeNanos;
    private final byte[] data;
    private final int[] sequenceNumbers;
    private final int[] lengths;
    private final long[] storedAt;
    private final long[] resentAt;
    private final boolean[] resent;

    private boolean any;
    private int newest;

    private long stored;
    private long tooLong;
    private long hits;
    private long notFound;
    private long expired;

    /** {@code capacity} must be a power of two, at most 32768 so a slot never holds two live sequence numbers. */
    public PacketCache(int capacity, int maxPacketLength, long maxAgeNanos) {
        if (capacity <= 0 || capacity > 32768 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity " + capacity + " is not a power of two in [1, 32768]");
        }
        if (maxPacketLength < RtpPacket.FIXED_HEADER_LENGTH || maxAgeNanos <= 0) {
            throw new IllegalArgumentException("maxPacketLength " + maxPacketLength + ", maxAgeNanos " + maxAgeNanos);
        }
        this.mask = capacity - 1;
        this.maxPacketLength = maxPacketLength;
        this.maxAgeNanos = maxAgeNanos;
        this.data = new byte[capacity * maxPacketLength];
        this.sequenceNumbers = new int[capacity];
        this.lengths = new int[capacity];
        this.storedAt = new long[capacity];
        this.resentAt = new long[capacity];
        this.resent = new boolean[capacity];
        Arrays.fill(sequenceNumbers, EMPTY);
    }

    public PacketCache() {
        this(DEFAULT_CAPACITY, DEFAULT_MAX_PACKET_LENGTH, DEFAULT_MAX_AGE_NANOS);
    }

    /**
     * Copies the RTP packet {@code buffer[offset, offset + length)}, already checked, as sent at {@code nowNanos}.
     * Returns false, and counts it, when it is longer than the slots.
     */
    public boolean store(byte[] buffer, int offset, int length, long nowNanos) {
        if (length > maxPacketLength || length < RtpPacket.FIXED_HEADER_LENGTH) {
            tooLong++;
            return false;
        }
        int seq = (buffer[offset + 2] & 0xFF) << 8 | (buffer[offset + 3] & 0xFF);
        int slot = seq & mask;
        System.arraycopy(buffer, offset, data, slot * maxPacketLength, length);
        sequenceNumbers[slot] = seq;
        lengths[slot] = length;
        storedAt[slot] = nowNanos;
        resent[slot] = false;
        if (!any || SeqNum.isNewer(seq, newest)) {
            newest = seq;
            any = true;
        }
        stored++;
        return true;
    }

    /** {@link #store(byte[], int, int, long)} for a packet view. */
    public boolean store(RtpPacket packet, long nowNanos) {
        return store(packet.buffer(), packet.offset(), packet.length(), nowNanos);
    }

    /**
     * The slot holding packet {@code sequenceNumber} for {@link #wrap}, {@link #wasResent} and {@link
     * #markResent}, or {@link #NOT_FOUND} or {@link #EXPIRED} (each counted).
     */
    public int lookup(int sequenceNumber, long nowNanos) {
        int seq = sequenceNumber & 0xFFFF;
        int slot = seq & mask;
        if (!any || sequenceNumbers[slot] != seq || SeqNum.delta(newest, seq) > mask) {
            notFound++;
            return NOT_FOUND;
        }
        if (nowNanos - storedAt[slot] > maxAgeNanos) {
            expired++;
            return EXPIRED;
        }
        hits++;
        return slot;
    }

    /** Points {@code view} at the cached bytes of {@code slot}; they stay valid until the slot is reused. */
    public RtpPacket wrap(int slot, RtpPacket view) {
        return view.wrap(data, slot * maxPacketLength, lengths[slot]);
    }

    /** Whether the packet in {@code slot} was retransmitted since it was stored. */
    public boolean wasResent(int slot) {
        return resent[slot];
    }

    /** When the packet in {@code slot} was last retransmitted; meaningful only if {@link #wasResent}. */
    public long resentAtNanos(int slot) {
        return resentAt[slot];
    }

    public void markResent(int slot, long nowNanos) {
        resent[slot] = true;
        resentAt[slot] = nowNanos;
    }

    public int capacity() {
        return mask + 1;
    }

    public int maxPacketLength() {
        return maxPacketLength;
    }

    public long stored() {
        return stored;
    }

    /** Packets not stored: longer than a slot (or shorter than an RTP header). */
    public long tooLong() {
        return tooLong;
    }

    public long hits() {
        return hits;
    }

    public long notFound() {
        return notFound;
    }

    public long expired() {
        return expired;
    }
}

package org.metrohub.media.sfu.feedback;

import org.metrohub.media.rtp.NackPacket;
import org.metrohub.media.rtp.RtpPacket;

/**
 * Answers a receiver's generic NACKs (RFC 4585 §6.2.1) for one outgoing stream from its {@link PacketCache}: each
 * requested packet still cached is sent again, over RTX (RFC 4588) when the stream has an {@link RtxEncoder} that
 * covers the packet's payload type, else as it was. A packet is resent at most once per {@link
 * #setMinResendIntervalNanos interval} (about one round trip: a second NACK sooner is the same loss seen again),
 * and never when it left the cache. Runs on the stream's send thread.
 */
public final class NackResponder {
    public static final long DEFAULT_MIN_RESEND_INTERVAL_NANOS = 100_000_000L;
    /** Bytes after each packet handed to the {@link Sink} that it may use, e.g. for the SRTP tag. */
    public static final int TAIL_ROOM = 32;
    /** Sequence numbers read from one NACK; a NACK listing more is answered in part. */
    public static final int MAX_LOST_PER_NACK = 1024;

    /** Where retransmissions go: implemented once by the send pipeline, not a capturing lambda per packet. */
    public interface Sink {
        /**
         * Sends {@code buffer[offset, offset + length)}: the responder's own buffer, which the sink may change
         * (protect in place, using up to {@link #TAIL_ROOM} bytes after it) and must not keep after returning.
         */
        void send(byte[] buffer, int offset, int length);
    }

    private final PacketCache cache;
    private final RtxEncoder rtx;
    private final Sink sink;
    private final int[] lost = new int[MAX_LOST_PER_NACK];
    private final byte[] out;
    private final RtpPacket cached = new RtpPacket();
    private long minResendIntervalNanos;

    private long nacks;
    private long requested;
    private long retransmitted;
    private long overRtx;
    private long missedCache;
    private long throttled;

    /** {@code rtx} is null when the receiver did not negotiate RTX for this stream. */
    public NackResponder(PacketCache cache, RtxEncoder rtx, long minResendIntervalNanos, Sink sink) {
        this.cache = cache;
        this.rtx = rtx;
        this.sink = sink;
        this.out = new byte[cache.maxPacketLength() + RtxEncoder.OSN_LENGTH + TAIL_ROOM];
        setMinResendIntervalNanos(minResendIntervalNanos);
    }

    /**
     * Resends what {@code nack} (a view that wrapped OK, for this stream's SSRC) asks for and the cache holds;
     * returns how many packets went to the sink.
     */
    public int onNack(NackPacket nack, long nowNanos) {
        nacks++;
        int count = nack.lostSequenceNumbers(lost);
        int sent = 0;
        for (int i = 0; i < count; i++) {
            requested++;
            int slot = cache.lookup(lost[i], nowNanos);
            if (slot < 0) {
                missedCache++;
                continue;
            }
            if (cache.wasResent(slot) && nowNanos - cache.resentAtNanos(slot) < minResendIntervalNanos) {
                throttled++;
                continue;
            }
            RtpPacket packet = cache.wrap(slot, cached);
            int length;
            if (rtx != null && rtx.covers(packet.payloadType())) {
                length = rtx.encode(packet, out, 0);
                overRtx++;
            } else {
                length = packet.length();
                System.arraycopy(packet.buffer(), packet.offset(), out, 0, length);
            }
            cache.markResent(slot, nowNanos);
            retransmitted++;
            sent++;
            sink.send(out, 0, length);
        }
        return sent;
    }

    /** Follows the round-trip time as RTCP measures it. */
    public void setMinResendIntervalNanos(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("minResendIntervalNanos " + nanos + " < 0");
        }
        this.minResendIntervalNanos = nanos;
    }

    /** NACK packets handled. */
    public long nacks() {
        return nacks;
    }

    /** Sequence numbers asked for. */
    public long requested() {
        return requested;
    }

    /** Packets sent again (over RTX or not). */
    public long retransmitted() {
        return retransmitted;
    }

    /** Of {@link #retransmitted}, those sent over RTX. */
    public long overRtx() {
        return overRtx;
    }

    /** Asked for but not (or no longer) in the cache. */
    public long missedCache() {
        return missedCache;
    }

    /** Asked for again within the resend interval, and not resent. */
    public long throttled() {
        return throttled;
    }
}

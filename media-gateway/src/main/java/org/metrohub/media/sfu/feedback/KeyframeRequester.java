package org.metrohub.media.sfu.feedback;

import org.metrohub.media.rtp.FirPacket;
import org.metrohub.media.rtp.PliPacket;

/**
 * Keyframe requests towards the sender of one video source. Receivers' PLIs and FIRs for the source (already
 * mapped from the SSRC each receiver sees) and the SFU's own requests (a new receiver, a layer switch) collapse
 * into one request per interval, default 300 ms: a sender asked ten times in a burst sends one keyframe anyway.
 * The request is a PLI (RFC 4585 §6.3.1) when the sender negotiated {@code nack pli}, else a FIR (RFC 5104
 * §4.3.1) whose command sequence number grows by one per request forwarded to this target, as §4.3.1.2 asks of a
 * new request.
 */
public final class KeyframeRequester {
    public static final long DEFAULT_MIN_INTERVAL_NANOS = 300_000_000L;

    /** What the sender understands, from its {@code a=rtcp-fb} lines. */
    public enum Kind {
        PLI,
        FIR
    }

    private final int senderSsrc;
    private final int mediaSsrc;
    private final Kind kind;
    private long minIntervalNanos;

    private boolean forwardedOnce;
    private long lastForwardedNanos;
    private int firSequenceNumber;

    private long received;
    private long forwarded;
    private long throttled;

    /**
     * Requests for source {@code mediaSsrc}, sent from our RTCP SSRC {@code senderSsrc}; {@code
     * initialFirSequenceNumber} is the first FIR's (any value; a random one avoids matching a previous session).
     */
    public KeyframeRequester(int senderSsrc, int mediaSsrc, Kind kind, long minIntervalNanos,
            int initialFirSequenceNumber) {
        this.senderSsrc = senderSsrc;
        this.mediaSsrc = mediaSsrc;
        this.kind = kind;
        this.firSequenceNumber = initialFirSequenceNumber & 0xFF;
        setMinIntervalNanos(minIntervalNanos);
    }

    /**
     * A keyframe is wanted: writes the PLI or FIR to forward at {@code out[at]} and returns its length, or returns
     * 0 when one was forwarded less than the interval ago (counted as throttled), or -1 when {@code out} lacks room.
     */
    public int request(long nowNanos, byte[] out, int at) {
        received++;
        if (forwardedOnce && nowNanos - lastForwardedNanos < minIntervalNanos) {
            throttled++;
            return 0;
        }
        int length = kind == Kind.PLI
                ? PliPacket.write(out, at, senderSsrc, mediaSsrc)
                : FirPacket.write(out, at, senderSsrc, mediaSsrc, firSequenceNumber);
        if (length < 0) {
            return -1;
        }
        if (kind == Kind.FIR) {
            firSequenceNumber = (firSequenceNumber + 1) & 0xFF;
        }
        forwardedOnce = true;
        lastForwardedNanos = nowNanos;
        forwarded++;
        return length;
    }

    public void setMinIntervalNanos(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("minIntervalNanos " + nanos + " < 0");
        }
        this.minIntervalNanos = nanos;
    }

    public int mediaSsrc() {
        return mediaSsrc;
    }

    /** The command sequence number the next FIR will carry. */
    public int nextFirSequenceNumber() {
        return firSequenceNumber;
    }

    /** Requests received, from receivers or the SFU itself. */
    public long received() {
        return received;
    }

    /** PLIs or FIRs written for the sender. */
    public long forwarded() {
        return forwarded;
    }

    /** Requests collapsed into one forwarded earlier. */
    public long throttled() {
        return throttled;
    }
}

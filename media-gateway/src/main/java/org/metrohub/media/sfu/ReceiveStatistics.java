package org.metrohub.media.sfu;

import org.metrohub.media.rtp.ReportBlock;
import org.metrohub.media.rtp.SeqNum;

/**
 * What the node receives on one RTP stream of a sender, for the receiver reports it sends back (RFC 3550 §6.4.2
 * and appendix A.3, A.8): extended highest sequence number, packets lost (cumulative and since the last report),
 * interarrival jitter, and the last sender report's time for the sender's round-trip measurement. Written by
 * the sender's receive thread, which also writes the reports; the endpoint's statistics read it without a lock
 * (a report-sized snapshot may be one packet stale). No allocation.
 */
final class ReceiveStatistics {

    private final int clockRate;
    private boolean started;
    private int baseSeq;
    private int maxSeq;
    private long cycles;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private double jitter;
    private boolean haveTransit;
    private long lastTransit;
    private long lastSrNtpMiddle;
    private long lastSrArrivalNanos;
    private volatile int lastFractionLost;

    ReceiveStatistics(int clockRate) {
        this.clockRate = clockRate;
    }

    /** One packet arrived (a decrypted, valid RTP packet of this stream). */
    void onPacket(int seq, long rtpTimestamp, long arrivalNanos) {
        if (!started) {
            started = true;
            baseSeq = seq;
            maxSeq = seq;
        } else if (SeqNum.isNewer(seq, maxSeq)) {
            if (seq < maxSeq) {
                cycles += 0x1_0000;
            }
            maxSeq = seq;
        }
        received++;
        // arrival in RTP timestamp units (µs first, so nanoTime values do not overflow the product)
        long arrival = (arrivalNanos / 1_000) * clockRate / 1_000_000;
        long transit = arrival - rtpTimestamp;
        if (haveTransit) {
            long d = Math.abs(transit - lastTransit);
            jitter += (d - jitter) / 16.0;
        }
        lastTransit = transit;
        haveTransit = true;
    }

    /** The sender's report for this stream arrived (its NTP time's middle 32 bits). */
    void onSenderReport(long ntpMiddle32, long arrivalNanos) {
        lastSrNtpMiddle = ntpMiddle32;
        lastSrArrivalNanos = arrivalNanos;
    }

    boolean started() {
        return started;
    }

    /** Writes this stream's report block at {@code at} and starts the next reporting interval. */
    int writeBlock(byte[] b, int at, int ssrc, long nowNanos) {
        long extendedMax = cycles + maxSeq;
        long expected = extendedMax - baseSeq + 1;
        long lost = expected - received;
        long expectedInterval = expected - expectedPrior;
        long lostInterval = expectedInterval - (received - receivedPrior);
        expectedPrior = expected;
        receivedPrior = received;
        int fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        lastFractionLost = Math.min(255, fraction);
        long delaySinceLastSr = lastSrArrivalNanos == 0 ? 0 : (nowNanos - lastSrArrivalNanos) * 65_536 / 1_000_000_000L;
        return ReportBlock.write(b, at, ssrc, lastFractionLost, (int) Math.clamp(lost, Integer.MIN_VALUE, Integer.MAX_VALUE),
                extendedMax & 0xFFFF_FFFFL, (long) jitter & 0xFFFF_FFFFL, lastSrNtpMiddle, delaySinceLastSr & 0xFFFF_FFFFL);
    }

    /** Packets lost so far (may be negative with duplicates, RFC 3550 §6.4.1). */
    long cumulativeLost() {
        return started ? cycles + maxSeq - baseSeq + 1 - received : 0;
    }

    /** The fraction lost in the last reporting interval, 0–1. */
    double fractionLost() {
        return lastFractionLost / 256.0;
    }

    /** Interarrival jitter in milliseconds. */
    double jitterMillis() {
        return jitter * 1000.0 / clockRate;
    }
}

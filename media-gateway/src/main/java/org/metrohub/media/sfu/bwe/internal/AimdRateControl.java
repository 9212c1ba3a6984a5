package org.metrohub.media.sfu.bwe.internal;

import org.metrohub.media.sfu.bwe.BandwidthUsage;

/**
 * The delay-based rate controller (draft-ietf-rmcat-gcc-02 §5.5), as a three-state machine driven by the
 * overuse detector: NORMAL moves HOLD to INCREASE, OVERUSING moves anything to DECREASE, UNDERUSING moves to
 * HOLD (let queues drain).
 *
 * <ul>
 *   <li>INCREASE: multiplicative, 8 % per second, while the link capacity is unknown; additive, about one
 *       packet per response time (RTT + 100 ms), once an overuse has located it. Never above 1.5 × the
 *       received rate + 10 kb/s, so an application-limited sender does not talk the estimate up.</li>
 *   <li>DECREASE: to β = 0.85 × the received rate, then HOLD; the received rate at each overuse feeds a
 *       running estimate of the link capacity and its variance. A received rate outside that estimate
 *       ± 3 σ forgets it (the path changed), which brings back the fast, multiplicative increase.</li>
 * </ul>
 * While overusing, it reduces again only after an RTT (clamped to [10, 200] ms) or when the received rate
 * falls under half the estimate.
 */
public final class AimdRateControl {
    static final double BETA = 0.85;
    static final double MULTIPLICATIVE_PER_SECOND = 1.08;
    static final double MIN_INCREASE_BPS_PER_SECOND = 4000;
    static final double PACKET_BITS = 1200 * 8;
    static final double FRAME_SECONDS = 1.0 / 30;
    static final long ALPHA_CAPACITY_DIV = 20; // α = 0.05 for the capacity average

    private enum State { HOLD, INCREASE, DECREASE }

    private final double minBps;
    private final double maxBps;
    private double bitrate;
    private State state = State.HOLD;
    private long lastChangeNanos = Long.MIN_VALUE;

    private boolean capacityKnown;
    private double capacityKbps;
    private double capacityDeviation = 0.4; // normalised variance, kb/s

    public AimdRateControl(double startBps, double minBps, double maxBps) {
        this.bitrate = startBps;
        this.minBps = minBps;
        this.maxBps = maxBps;
    }

    public double bitrate() {
        return bitrate;
    }

    /** Whether it is time to cut again while still overusing (see the class comment). */
    public boolean timeToReduceFurther(long nowNanos, double receivedBps, long rttNanos) {
        long interval = Math.max(10_000_000L, Math.min(200_000_000L, rttNanos));
        return lastChangeNanos == Long.MIN_VALUE || nowNanos - lastChangeNanos >= interval
                || receivedBps < 0.5 * bitrate;
    }

    /**
     * One step with the detector's verdict and the received rate ({@code <= 0} when not measured yet).
     * Returns the new delay-based estimate.
     */
    public double update(BandwidthUsage usage, double receivedBps, long rttNanos, long nowNanos) {
        switch (usage) {
            case NORMAL -> {
                if (state == State.HOLD) {
                    lastChangeNanos = nowNanos;
                    state = State.INCREASE;
                }
            }
            case OVERUSING -> state = State.DECREASE;
            case UNDERUSING -> state = State.HOLD;
        }
        double throughput = receivedBps > 0 ? receivedBps : bitrate;
        double next = bitrate;
        switch (state) {
            case HOLD -> {
            }
            case INCREASE -> {
                if (capacityKnown && throughput > upperBoundBps()) {
                    capacityKnown = false;
                }
                double limit = 1.5 * throughput + 10_000;
                if (bitrate < limit) {
                    double seconds = lastChangeNanos == Long.MIN_VALUE
                            ? 1.0 : Math.min(1.0, Math.max(0, nowNanos - lastChangeNanos) / 1e9);
                    double increase = capacityKnown
                            ? additivePerSecond(rttNanos) * seconds
                            : Math.max(1000, bitrate * (Math.pow(MULTIPLICATIVE_PER_SECOND, seconds) - 1));
                    next = Math.min(bitrate + increase, limit);
                }
                lastChangeNanos = nowNanos;
            }
            case DECREASE -> {
                double decreased = BETA * throughput;
                if (decreased > bitrate && capacityKnown) {
                    decreased = BETA * capacityKbps * 1000;
                }
                if (decreased < bitrate) {
                    next = decreased;
                }
                if (capacityKnown && throughput < lowerBoundBps()) {
                    capacityKnown = false;
                }
                onOveruse(throughput);
                state = State.HOLD;
                lastChangeNanos = nowNanos;
            }
        }
        bitrate = Math.max(minBps, Math.min(maxBps, next));
        return bitrate;
    }

    /** Sets the estimate from outside (e.g. capped by REMB), keeping the state machine. */
    public void setBitrate(double bps) {
        bitrate = Math.max(minBps, Math.min(maxBps, bps));
    }

    private double additivePerSecond(long rttNanos) {
        double frameBits = bitrate * FRAME_SECONDS;
        double packetsPerFrame = Math.ceil(frameBits / PACKET_BITS);
        double packetBits = frameBits / Math.max(1, packetsPerFrame);
        double responseSeconds = (Math.max(0, rttNanos) + 100_000_000L) / 1e9;
        return Math.max(MIN_INCREASE_BPS_PER_SECOND, packetBits / responseSeconds);
    }

    private void onOveruse(double throughputBps) {
        double sample = throughputBps / 1000;
        double alpha = 1.0 / ALPHA_CAPACITY_DIV;
        if (!capacityKnown) {
            capacityKbps = sample;
            capacityKnown = true;
        } else {
            capacityKbps = (1 - alpha) * capacityKbps + alpha * sample;
        }
        double norm = Math.max(capacityKbps, 1.0);
        double error = capacityKbps - sample;
        capacityDeviation = (1 - alpha) * capacityDeviation + alpha * error * error / norm;
        capacityDeviation = Math.max(0.4, Math.min(2.5, capacityDeviation));
    }

    private double deviationBps() {
        return Math.sqrt(capacityDeviation * capacityKbps) * 1000;
    }

    private double upperBoundBps() {
        return capacityKbps * 1000 + 3 * deviationBps();
    }

    private double lowerBoundBps() {
        return Math.max(0, capacityKbps * 1000 - 3 * deviationBps());
    }

    /** The link capacity located by overuses, or NaN while unknown. */
    public double linkCapacityBps() {
        return capacityKnown ? capacityKbps * 1000 : Double.NaN;
    }
}

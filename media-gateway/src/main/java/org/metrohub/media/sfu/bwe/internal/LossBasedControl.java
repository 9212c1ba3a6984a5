package org.metrohub.media.sfu.bwe.internal;

/**
 * The loss-based controller (draft-ietf-rmcat-gcc-02 §6): per loss report (a fraction over at least
 * {@link #MIN_PACKETS} packets), above 10 % loss it cuts to {@code rate × (1 - 0.5 × loss)}, at most once per
 * 300 ms + RTT; under 2 % it grows 8 % per second (pro rata since the last increase) plus 1 kb/s; in between it
 * holds. The caller caps its value by the final estimate after each step (as libwebrtc does), so growth
 * starts from what is actually sent, not from a value that ran away while the delay-based estimate ruled.
 */
public final class LossBasedControl {
    public static final int MIN_PACKETS = 20;
    static final double HIGH_LOSS = 0.10;
    static final double LOW_LOSS = 0.02;
    static final double INCREASE_PER_SECOND = 1.08;
    static final long DECREASE_INTERVAL_NANOS = 300_000_000L;

    private double bitrate;
    private long lastIncreaseNanos = Long.MIN_VALUE;
    private long lastDecreaseNanos = Long.MIN_VALUE;

    public LossBasedControl(double startBps) {
        this.bitrate = startBps;
    }

    public double bitrate() {
        return bitrate;
    }

    public void cap(double bps) {
        bitrate = Math.min(bitrate, bps);
    }

    /** One loss report; returns the new loss-based estimate. */
    public double onLossReport(double lossFraction, long rttNanos, long nowNanos) {
        if (lossFraction < LOW_LOSS) {
            double seconds = lastIncreaseNanos == Long.MIN_VALUE
                    ? 0 : Math.min(1.0, Math.max(0, nowNanos - lastIncreaseNanos) / 1e9);
            bitrate = bitrate * Math.pow(INCREASE_PER_SECOND, seconds) + 1000 * seconds;
            lastIncreaseNanos = nowNanos;
        } else if (lossFraction > HIGH_LOSS) {
            if (lastDecreaseNanos == Long.MIN_VALUE
                    || nowNanos - lastDecreaseNanos >= DECREASE_INTERVAL_NANOS + Math.max(0, rttNanos)) {
                bitrate = bitrate * (1 - 0.5 * lossFraction);
                lastDecreaseNanos = nowNanos;
            }
            lastIncreaseNanos = nowNanos;
        } else {
            lastIncreaseNanos = nowNanos;
        }
        return bitrate;
    }

    public void setFloor(double minBps) {
        bitrate = Math.max(bitrate, minBps);
    }
}

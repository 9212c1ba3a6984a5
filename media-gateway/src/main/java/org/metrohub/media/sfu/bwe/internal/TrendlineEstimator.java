package org.metrohub.media.sfu.bwe.internal;

import org.metrohub.media.sfu.bwe.BandwidthUsage;

/**
 * Trendline filter and overuse detector with an adaptive threshold (draft-ietf-rmcat-gcc-02 §5.3–5.4, in
 * libwebrtc's trendline form). Each group delta {@code d = arrivalDelta - sendDelta} is accumulated into a
 * delay curve, smoothed exponentially (0.9), and the slope of a least-squares line through the last 20
 * (arrival time, smoothed delay) points estimates {@code (sendRate - capacity) / capacity}. The slope, scaled
 * by the number of deltas seen (up to 60) and a gain of 4, is compared with a threshold γ that follows
 * |trend| (rising at 0.0087/ms, falling at 0.039/ms, within [6, 600], starting at 12.5): above γ for more
 * than 10 ms and two deltas while the trend still grows is {@link BandwidthUsage#OVERUSING}, below -γ
 * {@link BandwidthUsage#UNDERUSING}. All state is primitive arrays: no allocation per delta.
 */
public final class TrendlineEstimator {
    static final int WINDOW = 20;
    static final double SMOOTHING = 0.9;
    static final double THRESHOLD_GAIN = 4.0;
    static final int MAX_DELTAS_SCALE = 60;
    static final double OVERUSE_TIME_MS = 10.0;
    static final double K_UP = 0.0087;
    static final double K_DOWN = 0.039;
    static final double MAX_ADAPT_OFFSET_MS = 15.0;
    static final double MAX_THRESHOLD_STEP_MS = 100.0;
    static final double MIN_THRESHOLD = 6.0;
    static final double MAX_THRESHOLD = 600.0;
    static final double INITIAL_THRESHOLD = 12.5;

    private final double[] xs = new double[WINDOW];
    private final double[] ys = new double[WINDOW];
    private int points;
    private int next;

    private int deltas;
    private double firstArrivalMs = Double.NaN;
    private double accumulatedDelay;
    private double smoothedDelay;
    private double trend;
    private double prevTrend;
    private double modifiedTrend;

    private double threshold = INITIAL_THRESHOLD;
    private double lastThresholdUpdateMs = Double.NaN;
    private double timeOverUsing = -1;
    private int overuseCounter;
    private BandwidthUsage usage = BandwidthUsage.NORMAL;

    /** Adds one group delta; {@code arrivalMs} is the completing packet's arrival time on the remote clock. */
    public void update(double arrivalDeltaMs, double sendDeltaMs, double arrivalMs) {
        deltas = Math.min(deltas + 1, 1000);
        if (Double.isNaN(firstArrivalMs)) {
            firstArrivalMs = arrivalMs;
        }
        accumulatedDelay += arrivalDeltaMs - sendDeltaMs;
        smoothedDelay = SMOOTHING * smoothedDelay + (1 - SMOOTHING) * accumulatedDelay;
        xs[next] = arrivalMs - firstArrivalMs;
        ys[next] = smoothedDelay;
        next = (next + 1) % WINDOW;
        if (points < WINDOW) {
            points++;
        }
        double t = prevTrend;
        if (points == WINDOW) {
            t = slope(t);
        }
        trend = t;
        detect(t, sendDeltaMs, arrivalMs);
    }

    private double slope(double fallback) {
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < points; i++) {
            sx += xs[i];
            sy += ys[i];
        }
        double mx = sx / points;
        double my = sy / points;
        double num = 0;
        double den = 0;
        for (int i = 0; i < points; i++) {
            double dx = xs[i] - mx;
            num += dx * (ys[i] - my);
            den += dx * dx;
        }
        return den == 0 ? fallback : num / den;
    }

    private void detect(double t, double sendDeltaMs, double nowMs) {
        if (deltas < 2) {
            usage = BandwidthUsage.NORMAL;
            return;
        }
        modifiedTrend = Math.min(deltas, MAX_DELTAS_SCALE) * t * THRESHOLD_GAIN;
        if (modifiedTrend > threshold) {
            timeOverUsing = timeOverUsing < 0 ? sendDeltaMs / 2 : timeOverUsing + sendDeltaMs;
            overuseCounter++;
            if (timeOverUsing > OVERUSE_TIME_MS && overuseCounter > 1 && t >= prevTrend) {
                timeOverUsing = 0;
                overuseCounter = 0;
                usage = BandwidthUsage.OVERUSING;
            }
        } else if (modifiedTrend < -threshold) {
            timeOverUsing = -1;
            overuseCounter = 0;
            usage = BandwidthUsage.UNDERUSING;
        } else {
            timeOverUsing = -1;
            overuseCounter = 0;
            usage = BandwidthUsage.NORMAL;
        }
        prevTrend = t;
        updateThreshold(nowMs);
    }

    private void updateThreshold(double nowMs) {
        if (Double.isNaN(lastThresholdUpdateMs)) {
            lastThresholdUpdateMs = nowMs;
        }
        double magnitude = Math.abs(modifiedTrend);
        if (magnitude > threshold + MAX_ADAPT_OFFSET_MS) {
            // A spike (e.g. a route change) must not drag the threshold up and hide the next overuse.
            lastThresholdUpdateMs = nowMs;
            return;
        }
        double k = magnitude < threshold ? K_DOWN : K_UP;
        double dt = Math.max(0, Math.min(nowMs - lastThresholdUpdateMs, MAX_THRESHOLD_STEP_MS));
        threshold += k * (magnitude - threshold) * dt;
        threshold = Math.max(MIN_THRESHOLD, Math.min(MAX_THRESHOLD, threshold));
        lastThresholdUpdateMs = nowMs;
    }

    public BandwidthUsage usage() {
        return usage;
    }

    /** The last fitted slope: ≈ (send rate - capacity) / capacity while a queue builds. */
    public double trend() {
        return trend;
    }

    public double threshold() {
        return threshold;
    }

    /** The slope as compared with the threshold (scaled by deltas seen and the gain). */
    public double modifiedTrend() {
        return modifiedTrend;
    }
}

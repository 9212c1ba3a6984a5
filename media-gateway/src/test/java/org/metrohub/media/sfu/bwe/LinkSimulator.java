package org.metrohub.media.sfu.bwe;

import java.util.ArrayDeque;
import java.util.Random;

/**
 * A deterministic one-way path: optional random loss at the entry, then a FIFO bottleneck of {@code capacity}
 * bits per second with a drop-tail queue bounded by the queueing delay it may hold, then a fixed propagation
 * delay. A packet sent while the bottleneck is busy waits; so sending above capacity makes the queueing
 * delay grow, which is exactly what the delay-based estimator must notice.
 */
final class LinkSimulator {
    record Arrival(int seq, long arrivalNanos) {
    }

    private final long propagationNanos;
    private final long maxQueueNanos;
    private final Random random;
    private long capacityBps;
    private double lossRate;
    private long busyUntilNanos;
    private final ArrayDeque<Arrival> inFlight = new ArrayDeque<>();
    private long dropped;
    private long lost;

    LinkSimulator(long capacityBps, long propagationNanos, long maxQueueNanos, long seed) {
        this.capacityBps = capacityBps;
        this.propagationNanos = propagationNanos;
        this.maxQueueNanos = maxQueueNanos;
        this.random = new Random(seed);
    }

    void setCapacity(long bps) {
        capacityBps = bps;
    }

    void setLossRate(double rate) {
        lossRate = rate;
    }

    void send(int seq, int size, long nowNanos) {
        if (lossRate > 0 && random.nextDouble() < lossRate) {
            lost++;
            return;
        }
        long start = Math.max(nowNanos, busyUntilNanos);
        if (start - nowNanos > maxQueueNanos) {
            dropped++;
            return;
        }
        busyUntilNanos = start + size * 8L * 1_000_000_000L / capacityBps;
        inFlight.add(new Arrival(seq, busyUntilNanos + propagationNanos));
    }

    /** The next packet that has arrived by {@code nowNanos}, or null. */
    Arrival poll(long nowNanos) {
        Arrival a = inFlight.peek();
        if (a == null || a.arrivalNanos() > nowNanos) {
            return null;
        }
        return inFlight.poll();
    }

    /** Queueing delay a packet sent now would see. */
    long queueDelayNanos(long nowNanos) {
        return Math.max(0, busyUntilNanos - nowNanos);
    }

    long droppedByQueue() {
        return dropped;
    }

    long lostAtRandom() {
        return lost;
    }
}

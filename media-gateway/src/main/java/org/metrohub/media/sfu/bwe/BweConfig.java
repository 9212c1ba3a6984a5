package org.metrohub.media.sfu.bwe;

/**
 * Bounds and start value of one receiver's {@link BandwidthEstimator}, in bits per second.
 *
 * @param minBps      the estimate never goes below this (also the floor the loss controller backs off to)
 * @param startBps    the estimate before any feedback, e.g. 1 Mb/s
 * @param maxBps      the estimate never goes above this
 * @param historySize sent packets remembered for matching feedback: a power of two, at most 32768; at
 *                    1,200-byte packets 4096 cover ≈ 8 s of a 5 Mb/s downlink
 */
public record BweConfig(long minBps, long startBps, long maxBps, int historySize) {
    public static final int DEFAULT_HISTORY_SIZE = 4096;

    public BweConfig {
        if (minBps <= 0 || startBps < minBps || maxBps < startBps) {
            throw new IllegalArgumentException(
                    "bwe: need 0 < minBps <= startBps <= maxBps, got " + minBps + ", " + startBps + ", " + maxBps);
        }
        if (historySize < 16 || historySize > 32768 || Integer.bitCount(historySize) != 1) {
            throw new IllegalArgumentException("bwe: historySize must be a power of two in [16, 32768], got "
                    + historySize);
        }
    }

    /** 30 kb/s to 20 Mb/s, starting at 1 Mb/s. */
    public static BweConfig defaults() {
        return new BweConfig(30_000, 1_000_000, 20_000_000, DEFAULT_HISTORY_SIZE);
    }

    public BweConfig withBounds(long minBps, long startBps, long maxBps) {
        return new BweConfig(minBps, startBps, maxBps, historySize);
    }
}

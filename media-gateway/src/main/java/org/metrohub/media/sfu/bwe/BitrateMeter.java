package org.metrohub.media.sfu.bwe;

/**
 * Bytes over a sliding window (1 s by default), kept in fixed time buckets so recording and reading allocate
 * nothing. A reading sums the last {@code buckets} buckets up to and including the one holding {@code nowNanos}
 * and divides by the time from the oldest bucket's start (or the first byte, for a stream younger than the
 * window) to {@code nowNanos}, at least one bucket.
 * Samples older than the window are dropped; samples a little out of order land in their own bucket. One
 * thread records and reads.
 */
public final class BitrateMeter {
    public static final long DEFAULT_WINDOW_NANOS = 1_000_000_000L;
    public static final int DEFAULT_BUCKETS = 20;

    private final long bucketNanos;
    private final int buckets;
    private final long[] bytes;
    /** Which bucket number ({@code time / bucketNanos}) each slot holds; stale slots read as empty. */
    private final long[] epochs;
    private long newestEpoch = Long.MIN_VALUE;
    private long firstNanos = Long.MIN_VALUE;

    public BitrateMeter() {
        this(DEFAULT_WINDOW_NANOS, DEFAULT_BUCKETS);
    }

    public BitrateMeter(long windowNanos, int buckets) {
        if (buckets < 1 || windowNanos < buckets) {
            throw new IllegalArgumentException("window " + windowNanos + " ns in " + buckets + " buckets");
        }
        this.bucketNanos = windowNanos / buckets;
        this.buckets = buckets;
        this.bytes = new long[buckets];
        this.epochs = new long[buckets];
        java.util.Arrays.fill(epochs, Long.MIN_VALUE);
    }

    /** Counts {@code size} bytes at {@code nowNanos}. */
    public void record(int size, long nowNanos) {
        long epoch = Math.floorDiv(nowNanos, bucketNanos);
        if (firstNanos == Long.MIN_VALUE) {
            firstNanos = nowNanos;
        }
        if (epoch > newestEpoch) {
            newestEpoch = epoch;
        } else if (epoch <= newestEpoch - buckets) {
            return; // older than the window
        }
        int slot = (int) Math.floorMod(epoch, (long) buckets);
        if (epochs[slot] != epoch) {
            epochs[slot] = epoch;
            bytes[slot] = 0;
        }
        bytes[slot] += size;
    }

    /** Bits per second over the window ending at {@code nowNanos}; 0 before the first byte. */
    public long bitsPerSecond(long nowNanos) {
        if (firstNanos == Long.MIN_VALUE) {
            return 0;
        }
        long nowEpoch = Math.floorDiv(nowNanos, bucketNanos);
        long total = 0;
        for (int i = 0; i < buckets; i++) {
            long e = epochs[i];
            if (e <= nowEpoch && e > nowEpoch - buckets) {
                total += bytes[i];
            }
        }
        // From the start of the oldest bucket (or the first byte, if later) to now: a partly filled newest
        // bucket is divided by the part of it that has passed.
        long from = Math.max((nowEpoch - buckets + 1) * bucketNanos, firstNanos);
        long span = Math.max(nowNanos - from, bucketNanos);
        return (long) (total * 8 * 1e9 / span);
    }

    /** Whether a full window has passed since the first byte, so {@link #bitsPerSecond} is a window average. */
    public boolean isWarm(long nowNanos) {
        return firstNanos != Long.MIN_VALUE && nowNanos - firstNanos >= (long) buckets * bucketNanos;
    }

    public long windowNanos() {
        return (long) buckets * bucketNanos;
    }

    /** Forgets everything, as for a new stream. */
    public void reset() {
        java.util.Arrays.fill(epochs, Long.MIN_VALUE);
        java.util.Arrays.fill(bytes, 0);
        newestEpoch = Long.MIN_VALUE;
        firstNanos = Long.MIN_VALUE;
    }
}

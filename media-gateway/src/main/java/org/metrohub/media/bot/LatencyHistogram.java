package org.metrohub.media.bot;

/**
 * Delays in microseconds, in log-linear buckets (exact below 32 µs, then 16 buckets per power of two: at most 6 %
 * wide), up to about 12 days. {@link #record} allocates nothing; one thread records, others may read a slightly
 * stale view (counts are plain longs) or {@link #add} a copy into their own.
 */
public final class LatencyHistogram {

    private static final int LINEAR = 32;
    private static final int SUB_BUCKETS = 16;
    private static final int FIRST_EXPONENT = 5;
    private static final int MAX_EXPONENT = 40;
    private static final int BUCKETS = LINEAR + (MAX_EXPONENT - FIRST_EXPONENT + 1) * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long sumMicros;
    private long maxMicros;

    /** Records one delay; negative ones (clock misuse) count as 0. */
    public void record(long nanos) {
        long micros = Math.max(0, nanos / 1_000);
        counts[index(micros)]++;
        total++;
        sumMicros += micros;
        if (micros > maxMicros) {
            maxMicros = micros;
        }
    }

    static int index(long micros) {
        if (micros < LINEAR) {
            return (int) micros;
        }
        int exponent = Math.min(63 - Long.numberOfLeadingZeros(micros), MAX_EXPONENT);
        int sub = (int) (micros >>> (exponent - 4)) & (SUB_BUCKETS - 1);
        if (exponent == MAX_EXPONENT && micros >>> MAX_EXPONENT > 1) {
            sub = SUB_BUCKETS - 1;
        }
        return LINEAR + (exponent - FIRST_EXPONENT) * SUB_BUCKETS + sub;
    }

    /** The largest value bucket {@code index} holds. */
    static long upperBound(int index) {
        if (index < LINEAR) {
            return index;
        }
        int exponent = (index - LINEAR) / SUB_BUCKETS + FIRST_EXPONENT;
        int sub = (index - LINEAR) % SUB_BUCKETS;
        long width = 1L << (exponent - 4);
        return (SUB_BUCKETS + sub) * width + width - 1;
    }

    public long count() {
        return total;
    }

    public long maxMicros() {
        return maxMicros;
    }

    public double meanMicros() {
        return total == 0 ? 0 : (double) sumMicros / total;
    }

    /** The smallest bucket bound below which at least {@code q} of the values lie; 0 when empty. */
    public long quantileMicros(double q) {
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("q must be in [0, 1]: " + q);
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(upperBound(i), maxMicros);
            }
        }
        return maxMicros;
    }

    /** Adds {@code other}'s counts to this one. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        sumMicros += other.sumMicros;
        maxMicros = Math.max(maxMicros, other.maxMicros);
    }

    /**
     * Removes an earlier snapshot of the same histogram ({@code earlier} = a {@link #copy()} taken before), leaving
     * what was recorded in between; the maximum stays this one's.
     */
    public void subtract(LatencyHistogram earlier) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] -= earlier.counts[i];
        }
        total -= earlier.total;
        sumMicros -= earlier.sumMicros;
    }

    /** A copy, for a consistent snapshot. */
    public LatencyHistogram copy() {
        LatencyHistogram c = new LatencyHistogram();
        c.add(this);
        return c;
    }
}

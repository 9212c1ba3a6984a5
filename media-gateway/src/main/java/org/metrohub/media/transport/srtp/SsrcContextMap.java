package org.metrohub.media.transport.srtp;

/**
 * A small fixed-capacity map from SSRC ({@code int}) to a crypto context, open addressing with linear
 * probing: no boxing, no allocation on lookup. Entries are never removed (a session's SSRCs live as long as
 * it does); {@link #maxEntries()} bounds it.
 */
final class SsrcContextMap<V> {
    private final int[] keys;
    private final Object[] values;
    private final int mask;
    private final int maxEntries;
    private int size;

    SsrcContextMap(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be >= 1");
        }
        int capacity = Integer.highestOneBit(Math.max(2, maxEntries * 2 - 1)) << 1; // load factor <= 0.5
        this.keys = new int[capacity];
        this.values = new Object[capacity];
        this.mask = capacity - 1;
        this.maxEntries = maxEntries;
    }

    private int slot(int ssrc) {
        int h = ssrc * 0x9E3779B9; // Fibonacci hashing spreads sequential SSRCs
        return (h ^ (h >>> 16)) & mask;
    }

    @SuppressWarnings("unchecked")
    V get(int ssrc) {
        for (int i = slot(ssrc); ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == ssrc) {
                return (V) v;
            }
        }
    }

    /** Adds a context for an SSRC not present yet; false if the map is full. */
    boolean put(int ssrc, V value) {
        if (size >= maxEntries) {
            return false;
        }
        int i = slot(ssrc);
        while (values[i] != null) {
            if (keys[i] == ssrc) {
                values[i] = value;
                return true;
            }
            i = (i + 1) & mask;
        }
        keys[i] = ssrc;
        values[i] = value;
        size++;
        return true;
    }

    int size() {
        return size;
    }

    int maxEntries() {
        return maxEntries;
    }

    void clear() {
        java.util.Arrays.fill(values, null);
        size = 0;
    }
}
